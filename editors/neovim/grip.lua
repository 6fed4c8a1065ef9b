-- grip plans in Neovim 0.8 or later: the `plan` filetype, highlighting and folds from the
-- tree-sitter grammar in editors/tree-sitter-plan, and the language server `grip lsp`.
--
-- Copy this file to ~/.config/nvim/plugin/grip.lua (or paste it into init.lua). It starts
-- `grip` from PATH; set `vim.g.grip_path` to a full path to start another binary, and
-- `vim.g.grip_lang` to 'en' or 'nl' for the language grip speaks (else the plan's own). See
-- editors/README.md (Neovim) for building the parser and copying the queries.

vim.filetype.add({ extension = { plan = 'plan' } })

vim.api.nvim_create_autocmd('FileType', {
  pattern = 'plan',
  group = vim.api.nvim_create_augroup('grip', { clear = true }),
  callback = function(args)
    local buf = args.buf
    vim.bo[buf].commentstring = '// %s'

    -- Highlighting and folds, when the plan parser is installed (parser/plan.so on
    -- 'runtimepath'); without it Neovim shows the plan as plain text.
    if pcall(vim.treesitter.start, buf, 'plan') and vim.treesitter.foldexpr then
      vim.wo.foldmethod = 'expr'
      vim.wo.foldexpr = 'v:lua.vim.treesitter.foldexpr()'
      vim.wo.foldlevel = 99
    end

    -- One server per project: the folder holding .git above the plan, else the plan's folder.
    -- (The plan's buffer is the current one while FileType runs, and vim.lsp.start attaches it.)
    local file = vim.api.nvim_buf_get_name(buf)
    local git = vim.fs.find('.git', { upward = true, path = vim.fs.dirname(file) })[1]
    vim.lsp.start({
      name = 'grip',
      cmd = { vim.g.grip_path or 'grip', 'lsp' },
      init_options = { lang = vim.g.grip_lang },
      root_dir = git and vim.fs.dirname(git) or vim.fs.dirname(file),
    })
  end,
})
