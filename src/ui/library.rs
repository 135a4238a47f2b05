//! The library screen (to be written).
