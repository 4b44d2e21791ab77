//! asyncup: migrate Python asyncio code to structured-concurrency patterns with minimal,
//! reviewable text edits. See ARCHITECTURE.md for the pipeline and its invariants.

pub mod analysis;
pub mod checker;
pub mod cli;
pub mod config;
pub mod diff;
pub mod discover;
pub mod edit;
pub mod facts;
pub mod files;
pub mod fix;
pub mod formats;
pub mod importer;
pub mod imports;
pub mod interactive;
pub mod markdown;
pub mod project;
pub mod registry;
pub mod report;
pub mod rewrite;
pub mod settings;
pub mod stream;
pub mod style;
pub mod suppress;
pub mod version;
pub mod worker_threads;

#[path = "../transforms/mod.rs"]
pub mod transforms;
