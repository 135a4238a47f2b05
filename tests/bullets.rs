//! A bulleted list with no blank lines between its items: each item is a block of its
//! own, never run into the one before (`...the oars * the ladder...`).

use dogear::Document;

const LIST: &str = concat!(
    "Some things to remember before the winter comes and the ferry stops:\n",
    "\n",
    "* the tins are in the shed behind the post office, next to the old nets and the oars\n",
    "* the ladder needs a new rung\n",
    "  before the winter\n",
    "* the cat eats sardines, and only sardines, whatever Dunne says about it\n",
);

#[test]
fn each_bullet_starts_an_item_of_its_own() {
    let mut out = Vec::new();
    dogear::print(&Document::from_text(LIST), 40, &mut out).unwrap();
    let printed = String::from_utf8(out).unwrap();
    let items = printed.lines().filter(|l| l.starts_with("* ")).count();
    assert_eq!(items, 3, "{printed}");
    assert!(!printed.contains(" * "), "{printed}");
}
