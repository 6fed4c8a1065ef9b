-- Drives Neovim headless with editors/neovim/grip.lua loaded, as tests/neovim.rs runs it:
--
--   GRIP_NVIM_PLAN=plan GRIP_NVIM_OUT=out.json GRIP_NVIM_HOVER=line:col GRIP_NVIM_CAPTURES=line:col \
--     nvim --headless --clean --cmd 'set rtp^=SITE' -c 'luafile grip.lua' -c 'luafile headless.lua'
--
-- Opens the plan, waits for grip's diagnostics, asks for a hover at GRIP_NVIM_HOVER (0-based
-- line and UTF-16 column), and writes what Neovim got to GRIP_NVIM_OUT as JSON: the filetype,
-- the language clients on the buffer, the diagnostics as vim.diagnostic holds them, the hover's
-- text, and the tree-sitter captures at GRIP_NVIM_CAPTURES (0-based line and byte). Then quits. Any failure is
-- written as { "error": ... }, so the test can say what went wrong.

local out = assert(os.getenv('GRIP_NVIM_OUT'), 'GRIP_NVIM_OUT is not set')
local result = {}

local function write()
  local f = assert(io.open(out, 'w'))
  f:write(vim.json.encode(result))
  f:close()
end

local function clients(buf)
  if vim.lsp.get_clients then
    return vim.lsp.get_clients({ bufnr = buf })
  end
  return vim.lsp.get_active_clients({ bufnr = buf })
end

local ok, err = pcall(function()
  local plan = assert(os.getenv('GRIP_NVIM_PLAN'), 'GRIP_NVIM_PLAN is not set')
  local uri = vim.uri_from_fname(plan)

  -- Count grip's publishDiagnostics for this plan, then let Neovim handle them as usual.
  local published = 0
  local handle = vim.lsp.handlers['textDocument/publishDiagnostics']
  vim.lsp.handlers['textDocument/publishDiagnostics'] = function(e, params, ctx, config)
    if params and params.uri == uri then
      published = published + 1
    end
    return handle(e, params, ctx, config)
  end

  vim.cmd.edit(vim.fn.fnameescape(plan))
  local buf = vim.api.nvim_get_current_buf()
  result.filetype = vim.bo[buf].filetype

  result.attached = vim.wait(20000, function() return #clients(buf) > 0 end, 50)
  result.clients = {}
  for _, client in ipairs(clients(buf)) do
    table.insert(result.clients, { name = client.name, cmd = client.config.cmd })
  end
  if not result.attached then
    return
  end

  result.published = vim.wait(20000, function() return published > 0 end, 50)
  result.diagnostics = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    table.insert(result.diagnostics, {
      lnum = d.lnum,
      col = d.col,
      code = d.code,
      severity = d.severity,
      message = d.message,
      source = d.source,
    })
  end

  local line, col = (os.getenv('GRIP_NVIM_HOVER') or ''):match('^(%d+):(%d+)$')
  if line then
    local answers = vim.lsp.buf_request_sync(buf, 'textDocument/hover', {
      textDocument = { uri = uri },
      position = { line = tonumber(line), character = tonumber(col) },
    }, 20000)
    local texts = {}
    for _, answer in pairs(answers or {}) do
      local contents = answer.result and answer.result.contents
      if type(contents) == 'table' then
        table.insert(texts, contents.value or vim.json.encode(contents))
      elseif type(contents) == 'string' then
        table.insert(texts, contents)
      end
    end
    result.hover = table.concat(texts, '\n')
  end

  result.treesitter = vim.treesitter.highlighter.active[buf] ~= nil
  result.captures = {}
  local row, byte = (os.getenv('GRIP_NVIM_CAPTURES') or ''):match('^(%d+):(%d+)$')
  if row then
    for _, capture in ipairs(vim.treesitter.get_captures_at_pos(buf, tonumber(row), tonumber(byte))) do
      table.insert(result.captures, capture.capture)
    end
  end
end)

if not ok then
  result.error = tostring(err)
end
write()
vim.cmd('qall!')
