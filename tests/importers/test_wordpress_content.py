"""A WordPress post's HTML as an article's text (articles/importers/wordpress/content.py): the words
and paragraphs a reader saw, none of the markup, shortcodes, scripts or frames."""

import pytest

from articles.importers.wordpress.content import text_of


@pytest.mark.parametrize(
    ("markup", "text"),
    [
        # The classic editor: blank lines are paragraphs, a line break is a line.
        ("First paragraph.\n\nSecond one,\nwith a line.", "First paragraph.\n\nSecond one,\nwith a line."),
        # The block editor: paragraphs are elements, the source's line breaks are spaces.
        (
            "<!-- wp:paragraph -->\n<p>One\nsentence.</p>\n<!-- /wp:paragraph -->\n<!-- wp:heading -->"
            "<h2>Then</h2><!-- /wp:heading -->",
            "One sentence.\n\nThen",
        ),
        ("<ul><li>one</li><li>two</li></ul>", "one\n\ntwo"),
        ("A&nbsp;&laquo;&#8239;quote&#8239;&raquo; &amp; more", "A\u00a0«\u202fquote\u202f» & more"),
        ('[caption id="attachment_9" width="300"]<img src="x.jpg"> On stage.[/caption]', "On stage."),
        ('[gallery ids="1,2,3"]Before [embed]https://example.com/v[/embed] after', "Before after"),
        ("He said [sic] it, [laughs] and left.", "He said [sic] it, [laughs] and left."),
        ('<p onclick="steal()">Kept</p><script>alert(1)</script><style>p{}</style>', "Kept"),
        ('<iframe src="https://tracker.example"></iframe><object data="x">fallback</object>Text', "Text"),
        ('<a href="javascript:alert(1)">a link</a> and <em>emphasis</em>', "a link and emphasis"),
        ("&lt;script&gt;alert(1)&lt;/script&gt; written about", "<script>alert(1)</script> written about"),
        ("", ""),
    ],
)
def test_the_text_of_a_post(markup, text):
    assert text_of(markup) == text
