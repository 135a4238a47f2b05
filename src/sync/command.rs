//! `dogear sync login|register|status` (shell code).
