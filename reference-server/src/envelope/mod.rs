//! What `next start` puts around every app.

pub mod compression;
