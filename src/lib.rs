//! grip: a language and checker for municipal savings plans.
//!
//! The pipeline, one module per stage, data flowing one way:
//!
//! ```text
//! grammar/plan.pest → syntax (pest pairs → AST with spans) → resolve (includes, names)
//!   → check (units, years, totals, targets → diagnostics) → render (human, short, json)
//!   → eval (yearly figures) → sheet (table, markdown, csv) · eval::to_json
//!   fmt (AST → canonical text) · diff (two evaluated plans)
//! import (a sheet or a pasted table → plan text, through fmt)
//! ```

// pest is built without its `std` feature, which would add a native stack probe to every rule
// attempt (about a fifth of all parsing work); grip bounds nesting before pest runs instead
// (`syntax::parse::MAX_DEPTH`). The parser pest generates then names the `alloc` crate.
extern crate alloc;

pub mod api;
pub mod check;
pub mod diagnostic;
pub mod diff;
pub mod effects;
pub mod eval;
pub mod fmt;
pub mod formula;
pub mod import;
pub mod lang;
pub mod lsp;
pub mod render;
pub mod report;
pub mod resolve;
pub mod sheet;
pub mod source;
pub mod status;
pub mod syntax;
pub mod taakveld;
pub mod xlsx;
