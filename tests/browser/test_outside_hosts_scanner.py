"""The scanner that guards the site against outside hosts finds what would be fetched, and only that."""

from sitebuild.outside_hosts import scan_css, scan_html, scan_js


def test_html_loading_attributes():
    found = scan_html(
        '<script src="https://cdn.example.com/x.js"></script><link rel="stylesheet" href="//fonts.example.com/a.css">'
        '<img srcset="a.png 1x, https://img.example.com/b.png 2x"><a href="https://example.org/">x</a>'
    )
    assert [url for _, url in found] == [
        "https://cdn.example.com/x.js", "//fonts.example.com/a.css", "https://img.example.com/b.png", "https://example.org/"]


def test_html_ignores_text_comments_xmlns_and_local_hosts():
    assert scan_html(
        '<p>see https://example.org</p><!-- <img src="https://example.org/a.png"> -->'
        '<svg xmlns="http://www.w3.org/2000/svg"></svg><img src="http://127.0.0.1:8000/a.png"><a href="../faq/">faq</a>'
    ) == []


def test_inline_script_and_style():
    found = scan_html('<script>fetch("https://api.example.com/q")</script><style>@import "https://x.example.com/a.css";</style>'
                      '<div style="background:url(https://y.example.com/b.png)"></div>')
    assert len(found) == 3


def test_js_literals_not_comments_or_mid_string():
    js = (
        '/* https://licence.example.org */ // https://comment.example.org\n'
        'var r=/["\']/g, s="error, see https://docs.example.org"; import("https://esm.example.com/m.js");'
        'new Worker(`https://w.example.com/${x}`); x = a / 2 / "https://div.example.com".length;'
    )
    assert [url for _, url in scan_js(js)] == [
        "https://esm.example.com/m.js", "https://w.example.com/${x}", "https://div.example.com"]


def test_css_url_and_import():
    css = ('/* url(https://comment.example.org/a.png) */ a{background:url("https://bg.example.com/a.png")}'
           '@import url(https://imp.example.com/b.css); b{background:url(data:image/svg+xml;charset=utf-8,'
           '<svg xmlns="http://www.w3.org/2000/svg"/>)}')
    assert [url for _, url in scan_css(css)] == ["https://bg.example.com/a.png", "https://imp.example.com/b.css"]
