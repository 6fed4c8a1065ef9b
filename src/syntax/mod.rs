//! Stage 1: source text → AST. The grammar lives in `grammar/plan.pest`.

pub mod ast;
pub mod errors;
pub mod fast;
pub mod keywords;
pub mod number;
pub mod parse;
pub mod reuse;
pub mod shift;

pub use parse::{declares_plan, parse};
