"""A line break inside Chinese text is not a space (sitebuild/chinese_lines.py): the pages' wrapped
Chinese paragraphs read as one line in every browser."""

from __future__ import annotations

from sitebuild.chinese_lines import join_lines


def test_a_wrapped_chinese_sentence_reads_without_a_space():
    # docs/performance.md, as Markdown leaves it: "重算\n样式" showed as "重算 样式" in Chromium
    html = "<p>原来每画一批卡片，整个列表都要重算\n样式，测得一帧 0.2—0.7 秒。</p>"
    assert join_lines(html) == "<p>原来每画一批卡片，整个列表都要重算样式，测得一帧 0.2—0.7 秒。</p>"


def test_punctuation_emphasis_and_links_between_the_lines():
    html = ("<li><strong>报告的各年分批画</strong>：每批约 10 毫秒，\n  其间浏览器可以响应输入；画完之前\n"
            "<code>#report</code> 标有\n<a href=\"x/\">说明</a>。</li>")
    assert join_lines(html) == ("<li><strong>报告的各年分批画</strong>：每批约 10 毫秒，其间浏览器可以响应输入；画完之前\n"
                                "<code>#report</code> 标有<a href=\"x/\">说明</a>。</li>")
    assert join_lines("<p>见<strong>\n第三条</strong>和第\n四条</p>") == "<p>见<strong>第三条</strong>和第四条</p>"


def test_a_break_next_to_latin_or_a_number_stays_a_space():
    html = "<p>由 scripts/bench\n测得，共 500\n项，Chromium 的\nlongtask 记录</p>"
    assert join_lines(html) == html


def test_preformatted_text_scripts_and_styles_are_left_as_they_are():
    html = "<pre><code>第一行\n第二行</code></pre><p>前\n后</p><script>const s = '甲\n乙';</script>"
    assert join_lines(html) == "<pre><code>第一行\n第二行</code></pre><p>前后</p><script>const s = '甲\n乙';</script>"
