"""The ``expect`` helper, injected as a cell into every notebook that demonstrates an error.

It lives here once; the builder copies HELPER_SOURCE into each notebook so that a downloaded
notebook is self-contained and "Run All" never stops at a demonstrated error.
"""

HELPER_SOURCE = '''\
import contextlib
import re


def _trim_tf_message(message):
    """Drop graph-construction stack traces (local paths) and mask memory addresses: both
    differ from machine to machine and run to run."""
    message = message.split("\\n\\nOriginal stack trace for")[0]
    lines = [line for line in message.splitlines() if not re.match(r'\\s+File "', line)]
    return re.sub(r"\\b0x[0-9a-f]{6,}\\b", "0x...", "\\n".join(lines).rstrip())


@contextlib.contextmanager
def expect(error_type, fragment=""):
    """The block must raise exactly error_type, with fragment in its message; print the error."""
    if not (isinstance(error_type, type) and issubclass(error_type, Exception)):
        raise TypeError(
            f"expect() checks subclasses of Exception only; {error_type!r} is not one "
            "(KeyboardInterrupt and SystemExit stop a notebook, they cannot be shown this way)"
        )
    try:
        yield
    except Exception as err:
        message = str(err)
        if type(err) is not error_type:
            raise AssertionError(
                f"expected {error_type.__name__}, got {type(err).__name__}: {message}"
            ) from err
        if fragment not in message:
            raise AssertionError(
                f"expected {fragment!r} in the {error_type.__name__} message, got: {message}"
            ) from err
        print(f"{error_type.__name__}: {_trim_tf_message(message)}")
    else:
        raise AssertionError(f"expected {error_type.__name__}, but nothing was raised")
'''

INTRO = {
    "zh": (
        '本页演示的错误都包在 `with expect(错误类型, "消息片段"):` 里：代码块必须抛出**恰好**这个'
        "类型、且消息含有这个片段的异常，否则这一格就失败，网站也就构建不出来。"
        "捕获后打印真实的类型和消息（去掉了含本机路径的构图调用栈，内存地址显示为 `0x...`），"
        "所以“全部运行”不会在这里停下。"
    ),
    "en": (
        'Every error on this page is demonstrated inside `with expect(ErrorType, "fragment"):`. '
        "The block must raise **exactly** that type with that fragment in its message; "
        "otherwise the cell fails and the site does not build. "
        "The real type and message are printed (minus the "
        "graph-construction stack trace, which holds local paths, and with memory addresses shown "
        'as `0x...`), so "Run All" does not stop here.'
    ),
}


def uses_expect(code: str) -> bool:
    return "expect(" in code
