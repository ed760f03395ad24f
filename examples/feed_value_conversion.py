# %% [markdown] lang="zh"
# # 馈送值的转换
#
# 会话（`Session`）的 `Session.run` 在馈送（`feed`）时怎样把你给的值变成张量？文档只说值要“能转换成键的数据类型”。
# 本页在 TF 2.21 的图模式（graph mode）下把几十种值馈送给各种类型的占位符（`placeholder`），
# 记下每一种的结局：静默转换、numpy 警告，还是报错；再看既馈送又取回（`fetch`）同一个张量时，拿回来的是什么。
# 馈送的其他规则（键的种类、形状检查、稀疏张量）见 [馈送](session-feed-dict.md)。
#
# | 情况 | 结果 |
# |---|---|
# | [浮点数、`None`、字符串、复数馈送给数值占位符](#值的转换实测表) | numpy 不安全转换：截断、回绕（wrap around）、`None` → `nan`，不报错 |
# | [单个 Python `int` 超出范围](#报错的那些行) | `TypeError: ... is not compatible with Tensor type` |
# | [字符串、字典、长短不一的列表馈送给数值占位符](#报错的那些行) | numpy 的 `ValueError` 或 `TypeError` |
# | [非字符串馈送给 `tf.string` 占位符](#报错的那些行) | 运行时才报 `InternalError` |
# | [值是 `tf.Tensor`](#报错的那些行) | `TypeError: The value of a feed cannot be a tf.Tensor object` |
# | [取回被馈送的张量](#既馈送又取回同一个张量) | 馈送的值本身，不计算；不需转换时是同一个对象 |
#
# 馈送的报错速查见 [错误速查：馈送](feed-and-runtime-errors.md)，术语见 [术语表](glossary.md)。
# %% [markdown] lang="en"
# # How fed values are converted
#
# How does `Session.run` turn the values you feed into tensors? The docs only say a value must be
# "convertible to" the key's dtype. This page feeds dozens of values into placeholders of many
# dtypes on TF 2.21 in graph mode and records each outcome: a silent conversion, a numpy warning,
# or an error. Then it shows what comes back when you feed a tensor and also fetch it. The other
# rules of feeding (key kinds, the shape check, sparse tensors) are in
# [Feeding](session-feed-dict.md).
#
# | Case | Result |
# |---|---|
# | [floats, `None`, strings, complex numbers fed into numeric placeholders](#value-conversion-measured) | numpy's unsafe casting: truncation, wrap-around, `None` → `nan`, no error |
# | [a single Python `int` out of range](#the-rows-that-fail) | `TypeError: ... is not compatible with Tensor type` |
# | [strings, dicts, ragged lists fed into numeric placeholders](#the-rows-that-fail) | numpy's `ValueError` or `TypeError` |
# | [non-strings fed into a `tf.string` placeholder](#the-rows-that-fail) | `InternalError`, only at run time |
# | [a `tf.Tensor` as the value](#the-rows-that-fail) | `TypeError: The value of a feed cannot be a tf.Tensor object` |
# | [fetching a fed tensor](#feeding-a-tensor-and-also-fetching-it) | the fed value itself, not computed; the very same object when no conversion is needed |
#
# Feed errors are listed in [Errors reference: feeds](feed-and-runtime-errors.md); terms are in
# the [glossary](glossary.md).

# %% [markdown] lang="zh"
# ## 准备
#
# 关掉 C++ 日志，切换到 TF1 图模式，固定随机种子。每节都从新的默认图和新会话开始。
# %% [markdown] lang="en"
# ## Setup
#
# Silence the C++ logs, switch to TF1 graph mode, fix the seeds. Each section starts from a fresh
# default graph and `Session`.

# %%
import os

os.environ["TF_CPP_MIN_LOG_LEVEL"] = "3"

import warnings

import numpy as np
import tensorflow as tf

tf.compat.v1.disable_eager_execution()
tf.keras.utils.set_random_seed(0)
np.random.seed(0)
tf.compat.v1.set_random_seed(0)


def fresh_session(old=None):
    """Close the previous session, start a new default graph and a session on it."""
    if old is not None:
        old.close()
    tf.compat.v1.reset_default_graph()
    return tf.compat.v1.Session()


print("TensorFlow", tf.__version__, "| numpy", np.__version__, "| eager:", tf.executing_eagerly())

# %% [markdown] lang="zh"
# ## 值的转换：实测表
#
# 文档说值要“能转换成键的数据类型”。除了拒绝 `tf.Tensor`（见本节最后），`Session.run` 对每个值只做两件事：
#
# 1. 值是 Python `int`（`bool` 也算）时，检查转换成目标类型后是否不变，变了就报 `TypeError`；
# 2. 用 numpy 转换：数值类型用 `np.asarray(value).astype(dtype)`，`bool` 和字符串用
#    `np.asarray(value, dtype=dtype)`。`astype` 默认不安全（`casting="unsafe"`）：会截断、回绕（wrap around）。
#
# 字符串和对象数组到 C++ 运行时还可能失败。下面把每个值馈送给对应类型的占位符，取回**用到它**的 `tf.identity`，
# 记下结果、numpy 警告或异常（`try/except` 只为打印每种结局）。
# %% [markdown] lang="en"
# ## Value conversion, measured
#
# The docs say a value must be "convertible to" the key's dtype. Apart from rejecting `tf.Tensor`
# values (see the end of this section), `Session.run` does two things with each value:
#
# 1. if it is a Python `int` (a `bool` is one too), check that converting it to the target type
#    leaves it unchanged, else raise `TypeError`;
# 2. convert with numpy: `np.asarray(value).astype(dtype)` for numeric types,
#    `np.asarray(value, dtype=dtype)` for `bool` and strings. `astype` casts unsafely
#    (`casting="unsafe"`): it truncates and wraps around.
#
# Strings and object arrays can still fail in the C++ runtime. Below, each value is fed into a
# placeholder of the given dtype, a `tf.identity` that **uses** it is fetched, and the result,
# numpy warning or exception is recorded (the `try/except` only prints every outcome).

# %%
sess = fresh_session()
DTYPES = [tf.float32, tf.int32, tf.int8, tf.uint8, tf.int64, tf.bool, tf.string]
placeholders = {dt.name: tf.compat.v1.placeholder(dt, name=dt.name) for dt in DTYPES}
consumers = {name: tf.identity(p) for name, p in placeholders.items()}


def feed(dtype_name, value):
    return sess.run(consumers[dtype_name], feed_dict={placeholders[dtype_name]: value})


CASES = {  # values written as source code, by placeholder dtype
    "float32": [
        "np.array([0.1, 1e40])",
        "np.array([0.1], np.float16)",
        "1e40",
        "1+2j",
        "True",
        "'3.5'",
        "'abc'",
        "None",
        "{'a': 1}",
        "[[1, 2], [3]]",
        "np.array([1, 2.5], dtype=object)",
        "np.array([1, 'x'], dtype=object)",
    ],
    "int32": [
        "1.7",
        "[1.5, -2.7]",
        "float('nan')",
        "1e10",
        "'7'",
        "None",
        "2**31",
        "[2**31]",
        "np.int64(2**31)",
    ],
    "int8": ["300", "[300]"],
    "uint8": ["-1", "[-1]"],
    "int64": ["2**63", "2**64"],
    "bool": ["1", "2", "np.int64(2)", "0.5", "'False'", "''"],
    "string": ["'héllo'", "b'abc'", "['a', 'bc']", "3", "1.5", "None", "[['a', 'b'], ['c']]"],
}


def short_message(err):
    """First meaningful line of the message, cut to 42 characters."""
    lines = [s for s in str(err).splitlines() if s.strip() and s != "Graph execution error:"]
    return lines[0][:42].rstrip()


def feed_outcome(source, dtype_name):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            result = feed(dtype_name, eval(source))
        except Exception as err:  # recorded and printed, never hidden
            outcome = f"{type(err).__name__}: {short_message(err)}"
        else:
            if isinstance(result, bytes):  # a scalar tf.string comes back as bytes
                outcome = f"ok bytes: {result!r}"
            else:
                outcome = f"ok {result.dtype}: {result}"
    return outcome, ", ".join(w.category.__name__ for w in caught)


print(f"{'value':34} {'into':8} outcome (numpy warning)")
for dtype_name, sources in CASES.items():
    for source in sources:
        outcome, warned = feed_outcome(source, dtype_name)
        print(f"{source:34} {dtype_name:8} {outcome}" + (f" ({warned})" if warned else ""))

# %% [markdown] lang="zh"
# 表里“ok”的行都**静默**发生。值得记住的：
#
# - 浮点数馈送给整数占位符被截断（`1.7` → `1`，`-2.7` → `-2`），不报错也不警告。
# - 只有**单个 Python `int`** 检查范围。放进列表（`[2**31]`）或换成 numpy 整数（`np.int64(2**31)`）就静默回绕成 `-2147483648`。
# - `None` 馈送给 `float32` 变成 `nan`；字符串 `'3.5'`、`'7'` 被解析成数字。
# - 馈送给 `bool` 时，非空字符串都是 `True`，包括 `'False'`。Python 的 `2` 报错，`np.int64(2)` 和 `0.5` 却是 `True`。
# - 复数丢掉虚部、`1e40` 变成 `inf`：numpy 只发出 Python 警告（`ComplexWarning`、`RuntimeWarning`），运行照常。
# - `nan` 和 `1e10` 馈送给 `int32`，结果取决于 CPU。在 x86_64 上两者都变成最小整数 `-2147483648`；
#   在 ARM64 上结果会饱和（saturate）：超出范围的值取最近的端点，`1e10` 变成最大整数 `2147483647`；
#   `nan` 变成 `0`。
#   浮点数超出整数范围时怎样转换，C 语言没有规定，属于未定义行为（undefined behaviour）。
#   numpy 用的是 CPU 自己的转换指令。同样只有一个 `RuntimeWarning`。
#   上表来自运行这个笔记本的机器（网站上就是构建本页的机器），下一格打印它的架构（architecture）。
# - Python 字符串用 UTF-8 编码，取回的是 `bytes`。
# %% [markdown] lang="en"
# Every "ok" row happens **silently**. Worth remembering:
#
# - A float fed into an integer placeholder is truncated (`1.7` → `1`, `-2.7` → `-2`): no error,
#   no warning.
# - Only a **single Python `int`** is range-checked. In a list (`[2**31]`) or as a numpy integer
#   (`np.int64(2**31)`) it silently wraps around to `-2147483648`.
# - `None` fed into `float32` becomes `nan`; the strings `'3.5'` and `'7'` are parsed as numbers.
# - Into `bool`, every non-empty string is `True`, `'False'` included. The Python `2` is an error,
#   while `np.int64(2)` and `0.5` become `True`.
# - A complex number loses its imaginary part, `1e40` becomes `inf`: numpy only emits Python
#   warnings (`ComplexWarning`, `RuntimeWarning`); the run goes on.
# - `nan` and `1e10` fed into `int32` give a result that depends on the CPU. On x86_64 both become
#   the smallest integer, `-2147483648`; on ARM64 the result saturates: `nan` becomes `0` and
#   `1e10` the largest integer, `2147483647`. C leaves the conversion of a float outside the
#   integer range undefined, and numpy uses the CPU's own conversion instruction. Again, only a
#   `RuntimeWarning`. The table above comes from the machine that ran this notebook (on the site,
#   the one that built this page); the next cell prints its architecture.
# - Python strings are encoded as UTF-8 and come back as `bytes`.

# %%
import platform

np.testing.assert_array_equal(feed("int32", [1.5, -2.7]), [1, -2])
assert feed("int32", [2**31])[0] == -(2**31)  # integer wrap-around: the same on every CPU

FLOAT_TO_INT32 = {  # [nan, 1e10] fed into int32: each CPU's own conversion
    "x86_64": [-(2**31), -(2**31)],
    "amd64": [-(2**31), -(2**31)],  # Windows' name for x86_64
    "aarch64": [0, 2**31 - 1],
    "arm64": [0, 2**31 - 1],  # macOS' name for aarch64
}
with warnings.catch_warnings():
    warnings.simplefilter("ignore", RuntimeWarning)
    out_of_range = [int(feed("int32", float("nan"))), int(feed("int32", 1e10))]
print("machine:", platform.machine(), "| nan, 1e10 -> int32:", out_of_range)
if platform.machine().lower() in FLOAT_TO_INT32:
    assert out_of_range == FLOAT_TO_INT32[platform.machine().lower()]
else:
    print("(no recorded values for this CPU architecture; not checked)")
assert np.isnan(feed("float32", None))
assert feed("bool", "False") is np.True_
assert feed("string", "héllo") == "héllo".encode()

# %% [markdown] lang="zh"
# ### 报错的那些行
#
# 每种错误再用 `expect` 演示一次。第一类来自范围检查：单个 Python `int` 装不进目标类型。
# 消息建议“换更大的类型（例如 int64）”，目标是 `int64` 时也这么说。超出 64 位的整数，numpy 直接报 `OverflowError`。
# %% [markdown] lang="en"
# ### The rows that fail
#
# Each kind of error is shown again with `expect`. The first comes from the range check: a single
# Python `int` that does not fit. The message suggests "a larger type (e.g. int64)", even for
# `int64`. An integer beyond 64 bits overflows inside numpy.


# %%
with expect(TypeError, "feed value 2147483648 with type <class 'int'> is not compatible"):
    feed("int32", 2**31)
with expect(TypeError, "Type of feed value 300 with type <class 'int'> is not compatible"):
    feed("int8", 300)
with expect(TypeError, "Type of feed value -1 with type <class 'int'> is not compatible"):
    feed("uint8", -1)
with expect(TypeError, "<class 'numpy.int64'>. Try explicitly setting the type of the feed"):
    feed("int64", 2**63)
with expect(OverflowError, "Python int too large to convert to C long"):
    feed("int64", 2**64)

# %% [markdown] lang="zh"
# 范围检查也作用于 `bool` 和字符串：`2` 转成 `bool` 是 `True`，`3` 转成字符串是 `'3'`，都变了，所以同样“不兼容”：
# %% [markdown] lang="en"
# The range check applies to `bool` and string placeholders too: `2` as a `bool` is `True`, `3` as
# a string is `'3'`; both change, hence "not compatible":

# %%
with expect(TypeError, "value 2 with type <class 'int'> is not compatible with Tensor type"):
    feed("bool", 2)
with expect(TypeError, "is not compatible with Tensor type <class 'object'>"):
    feed("string", 3)

# %% [markdown] lang="zh"
# 第二类来自 numpy 的转换：字符串（包括对象数组里的）解析不成数字，`None` 或字典转不成数字，长短不一的嵌套列表构不成数组。
# %% [markdown] lang="en"
# The second kind comes from numpy's conversion: a string (also inside an object array) that is
# not a number, `None` or a dict that is not a number, a ragged nested list that is not an array.

# %%
with expect(ValueError, "could not convert string to float: np.str_('abc')"):
    feed("float32", "abc")
with expect(ValueError, "could not convert string to float: 'x'"):
    feed("float32", np.array([1, "x"], dtype=object))
with expect(TypeError, "int() argument must be a string, a bytes-like object or a real"):
    feed("int32", None)
with expect(TypeError, "float() argument must be a string or a real number, not 'dict'"):
    feed("float32", {"a": 1})
with expect(ValueError, "The requested array has an inhomogeneous shape"):
    feed("float32", [[1, 2], [3]])

# %% [markdown] lang="zh"
# 第三类发生在 C++ 运行时：字符串占位符在 numpy 里是 `object` 类型，任何东西都能变成对象数组；
# 直到图运行、要变成 TF 字符串张量时才失败，报 `InternalError`。
# %% [markdown] lang="en"
# The third kind happens in the C++ runtime. A string placeholder's numpy dtype is `object`, so
# anything becomes an object array; only the running graph, needing a TF string tensor, fails with
# `InternalError`.

# %%
print("numpy dtype of tf.string:", tf.string.as_numpy_dtype)
with expect(tf.errors.InternalError, "Unsupported object type float"):
    feed("string", 1.5)
with expect(tf.errors.InternalError, "Unsupported object type NoneType"):
    feed("string", None)
with expect(tf.errors.InternalError, "Unsupported object type list"):
    feed("string", [["a", "b"], ["c"]])

# %% [markdown] lang="zh"
# 最后，值不能是 `tf.Tensor`。要把张量的结果送进另一个张量，先用 `sess.run` 取回：
# %% [markdown] lang="en"
# Finally, a value cannot be a `tf.Tensor`. To send a tensor's result into another, fetch it
# first:

# %%
with expect(TypeError, "The value of a feed cannot be a tf.Tensor object."):
    feed("float32", tf.constant(1.0))
print(feed("float32", sess.run(tf.constant(1.0))))

# %% [markdown] lang="zh"
# ## 既馈送又取回同一个张量
#
# 取回的张量正好被馈送时，结果直接是**馈送的值**（已转换成张量的类型），不计算。
# 下面 `x` 馈送 Python 列表，取回 `float32` 数组；`y` 照常计算。
# %% [markdown] lang="en"
# ## Feeding a tensor and also fetching it
#
# When a fetched tensor is also fed, the result is **the fed value** (converted to the tensor's
# dtype), not computed. Below, `x` is fed a Python list and comes back as a `float32` array; `y` is
# computed as usual.

# %%
sess = fresh_session(sess)
x = tf.compat.v1.placeholder(tf.float32, shape=[2], name="x")
y = tf.multiply(x, 2.0, name="y")
x_out, y_out = sess.run([x, y], feed_dict={x: [1, 2]})
print(type(x_out).__name__, x_out.dtype, x_out, "|", y_out)

# %% [markdown] lang="zh"
# 馈送的数组不需转换时，取回的是**同一个对象**。改取回的结果，就改了你的输入数组：
# %% [markdown] lang="en"
# When the fed array needs no conversion, the fetch returns **the very same object**. Changing
# the result changes your input array:

# %%
mine = np.array([1.0, 2.0], dtype=np.float32)
back = sess.run(x, feed_dict={x: mine})
back[0] = 100.0
print("same object:", back is mine, "| my array after editing the result:", mine)
assert back is mine and mine[0] == 100.0
as_float64 = np.array([1.0, 2.0])
print("float64 input -> same object:", sess.run(x, feed_dict={x: as_float64}) is as_float64)

# %% [markdown] lang="zh"
# 只取回被馈送的张量时，图不运行，也就没有运行时检查：字符串占位符馈送 `1.5`，取回它没问题，取回用到它的张量才报 `InternalError`。
# %% [markdown] lang="en"
# When only fed tensors are fetched, the graph does not run: no run-time check. A string
# placeholder fed `1.5` can be fetched; a tensor that uses it raises `InternalError`.

# %%
s = tf.compat.v1.placeholder(tf.string, shape=[], name="s")
print(repr(sess.run(s, feed_dict={s: 1.5})))
with expect(tf.errors.InternalError, "Unsupported object type float"):
    sess.run(tf.strings.length(s), feed_dict={s: 1.5})

# %% [markdown] lang="zh"
# ## 接下来
#
# 键的规则见 [馈送](session-feed-dict.md)，取回的规则见 [取回](session-fetches.md)，
# 馈送的报错见 [错误速查：馈送](feed-and-runtime-errors.md)。
# %% [markdown] lang="en"
# ## Where next
#
# The rules for keys are in [Feeding](session-feed-dict.md), the rules for fetches in
# [Fetches](session-fetches.md), feed errors in [Errors reference: feeds](feed-and-runtime-errors.md).
