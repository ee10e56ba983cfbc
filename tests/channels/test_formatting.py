"""The assistant's texts in Telegram HTML and Slack mrkdwn (issue #12)."""

from channels.formatting import split_at_lines, to_slack_mrkdwn, to_telegram_html


def test_bold_and_escaping_for_telegram():
    assert to_telegram_html("**1. Sprain**\nA&E if <4 steps") == "<b>1. Sprain</b>\nA&amp;E if &lt;4 steps"


def test_bold_and_escaping_for_slack():
    assert to_slack_mrkdwn("**Summary**\nA&E if <4 steps") == "*Summary*\nA&amp;E if &lt;4 steps"


def test_long_texts_are_cut_at_line_breaks_and_nothing_is_lost():
    text = "\n".join(f"line {n} " + "x" * 50 for n in range(100))
    parts = split_at_lines(text, 500)
    assert all(len(p) <= 500 for p in parts) and "\n".join(parts) == text
    assert split_at_lines("short", 500) == ["short"]
    assert "".join(split_at_lines("y" * 1200, 500)) == "y" * 1200
