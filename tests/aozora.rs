//! Aozora Bunko's markup for headings: a line such as `［＃８字下げ］一［＃「一」は中見出し］`
//! says in so many words that `一` is a heading (大見出し, 中見出し, 小見出し: large, middle,
//! small). It is one, listed by its own words without the markup.

mod common;
use common::{heading_texts, titles};

/// A story of our own in the one-line-a-paragraph Japanese shape, its sections marked up
/// as Aozora Bunko marks them.
fn story() -> String {
    let mut s = String::from("灯台守の日記\n山田太郎\n\n");
    for (n, title) in [("一", "中"), ("二", "中"), ("第三章　嵐の夜", "大")] {
        s.push_str(&format!(
            "［＃８字下げ］{n}［＃「{n}」は{title}見出し］\n\n"
        ));
        for _ in 0..3 {
            s.push('\u{3000}');
            s.push_str(&"灯台守は毎晩六時に階段を上った。百十二段を数えながら上った。".repeat(4));
            s.push_str("\n「今夜も風が強い」と彼は言った。\n");
        }
        s.push('\n');
    }
    s
}

#[test]
fn an_aozora_heading_annotation_makes_its_line_a_heading() {
    let text = story();
    assert_eq!(heading_texts(&text).len(), 3, "{:?}", heading_texts(&text));
    assert_eq!(titles(&text), ["一", "二", "第三章 嵐の夜"]);
}
