//! Import and export of the seeds' wire formats.
