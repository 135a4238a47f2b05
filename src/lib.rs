//! dogear: a terminal e-reader for plain-text stories.
//!
//! Data flows one way: bytes → [`document::Document`] → [`layout::Layout`] → screen.
//! The reader's place is always a byte offset into the document's normalised text;
//! screen lines are derived from it and can be thrown away at any time.
//!
//! The core ([`document`], [`layout`], [`position`], [`search`], [`toc`], [`state`],
//! [`reader`], [`reading`], [`library`], [`look`], [`fingerprint`], [`calendar`]) never touches a
//! terminal, the file system or the clock: time and the local offset come in as numbers.
//! The shell ([`keymap`], [`store`], [`storyfile`], [`app`], [`session`], [`tracker`],
//! [`localtime`], [`cli`]) does, and stays small; what a user sees go wrong is an
//! [`error::Error`].

pub mod app;
pub mod calendar;
pub mod cli;
pub mod clipboard;
pub mod config;
pub mod document;
pub mod error;
pub mod fingerprint;
pub mod input;
pub mod keymap;
pub mod layout;
pub mod library;
pub mod localtime;
pub mod look;
pub mod opening;
pub mod pages;
pub mod position;
pub mod print;
pub mod reader;
pub mod reading;
pub mod sanitise;
pub mod search;
pub mod session;
pub mod shelf;
pub mod state;
pub mod store;
pub mod stories;
pub mod storyfile;
pub mod sync;
mod text_width;
pub mod toc;
pub mod tracker;
pub mod ui;

/// The README's examples are doctests.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
