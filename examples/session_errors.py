# %% [markdown] lang="zh"
# # 错误速查：`Session.run` 与会话
#
# 从搜索引擎跳到这里？在表里找到你看到的报错消息，点进去。
# 本页收录用会话（`Session`）运行计算图（graph）时的常见报错，涉及取回（`fetch`）、
# 馈送（`feed`）、占位符（`placeholder`）、变量（variable）和即时执行（eager execution）。
# 每一节都先用真实代码触发这个错误（TensorFlow 2.21，类型和消息都由构建检查），
# 再说明原因和解决办法；能顺手演示的，也演示修好之后的样子。
#
# | 类型 | 消息（节选，点击跳转） | 原因 | 解决 |
# |---|---|---|---|
# | `TypeError` | [Argument `target` must be a string, but got "ConfigProto"](#target-must-be-a-string) | 配置放在了第一个位置参数 `target` 上 | `Session(config=...)` |
# | `RuntimeError` | [The Session graph is empty.](#session-graph-is-empty) | 会话的图里一个操作也没有（常见于开着即时执行） | 在 `with g.as_default():` 里建图，`Session(graph=g)` |
# | `RuntimeError` | [tf.placeholder() is not compatible with eager execution.](#placeholder-not-compatible-with-eager) | 即时执行下创建占位符 | 在图里创建 |
# | `TypeError` | [… is out of scope and cannot be used here.](#out-of-scope) | 在图外拿图里的张量做运算 | 运算也写进 `with g.as_default():` |
# | `RuntimeError` | [Session context managers are not re-entrant.](#session-not-re-entrant) | `with sess:` 嵌套 | 内层用 `with sess.as_default():` |
# | `RuntimeError` | [Attempted to use a closed Session.](#closed-session) | 会话已经关闭（包括 `with` 块结束） | 在块内运行，或新开会话 |
# | `ValueError` | [Cannot evaluate tensor using `eval()`: No default session is registered.](#no-default-session) | 没有默认会话时调用 `t.eval()` | `t.eval(session=sess)` 或 `with sess.as_default():` |
# | `ValueError` | [… the tensor's graph is different from the session's graph.](#eval-graph-is-different) | `eval` 用了别的图的会话 | 用张量所在图的会话 |
# | `TypeError` | [Argument `fetch` = 1 has invalid type "int"](#fetch-invalid-type-int) | 取回的是 Python 数字、集合等 | 取回张量、操作、名字，或它们的列表/元组/字典 |
# | `TypeError` | [Argument `fetch` = None … Cannot be None](#fetch-cannot-be-none) | 取回的是 `None`（如没有摘要时的 `merge_all()`） | 先检查 `None` |
# | `ValueError` | [The name 'nope' refers to an Operation not in the graph.](#fetch-operation-not-in-graph) | 操作名不在图里 | 查 `g.get_operations()` |
# | `ValueError` | [The name 'nope:0' refers to a Tensor which does not exist.](#fetch-tensor-does-not-exist) | 张量名或输出序号不存在 | 用已有操作的 `名字:序号` |
# | `ValueError` | [… is not an element of this graph.](#fetch-not-an-element-of-this-graph) | 取回了另一张图里的张量 | 为那张图新开会话 |
# | `TypeError` | [FlattenDictItems: 'dict' must be a dictionary …](#feed-dict-must-be-a-dictionary) | `feed_dict` 传了列表 | 传字典 |
# | `TypeError` | [Cannot interpret feed_dict key as Tensor: Can not convert a int into a Tensor.](#feed-key-int) | 键是整数或操作 | 键用张量或 `"名字:0"` |
# | `TypeError` | [… The name 'p' refers to an Operation, not a Tensor.](#feed-key-operation-not-a-tensor) | 键是操作名，少了 `:0` | `"p:0"` |
# | `TypeError` | [… The name 'nope:0' refers to a Tensor which does not exist.](#feed-key-tensor-does-not-exist) | 键的名字在图里不存在 | 用图里已有的张量名 |
# | `TypeError` | [Cannot interpret feed_dict key as Tensor: … is not an element of this graph.](#feed-key-not-an-element-of-this-graph) | 键来自另一张图 | 用会话那张图里的张量 |
# | `ValueError` | [Tensor size:0 may not be fed.](#may-not-be-fed) | 张量被标记为不可馈送 | 改用 `placeholder_with_default` |
# | `TypeError` | [The value of a feed cannot be a tf.Tensor object.](#feed-value-cannot-be-a-tensor) | 馈送的值是张量 | 先取回成 numpy，或直接在图里连线 |
# | `ValueError` | [could not convert string to float](#could-not-convert-string-to-float) | 数值占位符收到非数字字符串 | 清洗数据，或在图里用 `tf.strings.to_number` |
# | `TypeError` | [float() argument must be a string or a real number, not 'dict'](#float-argument-not-dict) | 值是字典等无法转成数组的对象 | 馈送数组 |
# | `ValueError` | [setting an array element with a sequence. … inhomogeneous shape](#inhomogeneous-shape) | 嵌套列表长短不一 | 补齐成矩形 |
# | `TypeError` | [Type of feed value 300 … is not compatible with Tensor type](#feed-value-300-not-compatible) | Python 整数超出占位符类型的范围 | 换更宽的类型（数组会**静默溢出**） |
# | `ValueError` | [Cannot feed value of shape (3,) for Tensor p:0, which has shape (2,)](#cannot-feed-value-of-shape) | 形状与占位符不符 | 改数据形状，或声明 `None` 维度 |
# | `InvalidArgumentError` | [You must feed a value for placeholder tensor 'p'](#you-must-feed-a-value) | 需要的占位符没有馈送 | 馈送它，或用 `placeholder_with_default` |
# | `FailedPreconditionError` | [Could not find variable v. … uninitialized.](#could-not-find-variable) | 资源变量没有初始化 | 先运行 `global_variables_initializer()` |
# | `FailedPreconditionError` | [Attempting to use uninitialized value r](#uninitialized-value) | 引用变量（`RefVariable`）没有初始化 | 同上 |
# | `InvalidArgumentError` | [assertion failed: …](#assertion-failed) | 断言操作的条件不成立 | 检查数据 |
# | `InvalidArgumentError` | [… Tensor had NaN values](#tensor-had-nan-values) | `check_numerics` 发现 NaN 或 Inf | 找到 NaN 的来源 |
# | `InvalidArgumentError` | [Integer division by zero](#integer-division-by-zero) | 整数 `//`、`%` 除以 0 | 先保护除数 |
# | `InvalidArgumentError` | [StringToNumberOp could not correctly convert string](#string-to-number) | 字符串不是数字 | 先校验 |
# | `InvalidArgumentError` | [Input to reshape is a tensor with 3 values …](#input-to-reshape) | 运行时元素个数对不上 | 馈送个数正确的数据 |
# | `DeadlineExceededError` | [Timed out waiting for notification](#timed-out) | 超过 `timeout_in_ms`，常见于阻塞的出队 | 先入队，或放宽时限 |
# | `OutOfRangeError` | [End of sequence](#end-of-sequence) | 迭代器读完了 | 捕获它来结束循环 |
#
# 本页始终开着 TF 2 默认的即时执行，图模式（graph mode）的代码都写在
# `with g.as_default():` 里。表里前几条就是这种写法最常见的坑。
# 取回和馈送的正常用法见 [取回](session-fetches.md) 和
# [馈送](session-feed-dict.md)；术语见 [术语表](glossary.md)。
# %% [markdown] lang="en"
# # Errors reference: `Session.run` and the Session
#
# Landed here from a search? Find your error message in the table and follow the link. Each
# section triggers the error with real code (TensorFlow 2.21; the build checks type and message),
# then explains the cause and the fix. Where it is cheap, it also shows the fix working.
#
# | Type | Message (excerpt, links to the section) | Cause | Fix |
# |---|---|---|---|
# | `TypeError` | [Argument `target` must be a string, but got "ConfigProto"](#target-must-be-a-string) | the config went to the first positional parameter, `target` | `Session(config=...)` |
# | `RuntimeError` | [The Session graph is empty.](#session-graph-is-empty) | the session's graph has no operations (typical with eager on) | build in `with g.as_default():`, then `Session(graph=g)` |
# | `RuntimeError` | [tf.placeholder() is not compatible with eager execution.](#placeholder-not-compatible-with-eager) | placeholder created while eager is on | create it inside a graph |
# | `TypeError` | [… is out of scope and cannot be used here.](#out-of-scope) | a graph tensor used outside its graph | build the op inside `with g.as_default():` too |
# | `RuntimeError` | [Session context managers are not re-entrant.](#session-not-re-entrant) | nested `with sess:` | inner block: `with sess.as_default():` |
# | `RuntimeError` | [Attempted to use a closed Session.](#closed-session) | the session is closed (the end of a `with` block closes it too) | run inside the block, or open a new session |
# | `ValueError` | [Cannot evaluate tensor using `eval()`: No default session is registered.](#no-default-session) | `t.eval()` with no default session | `t.eval(session=sess)` or `with sess.as_default():` |
# | `ValueError` | [… the tensor's graph is different from the session's graph.](#eval-graph-is-different) | `eval` with a session of another graph | use a session of the tensor's graph |
# | `TypeError` | [Argument `fetch` = 1 has invalid type "int"](#fetch-invalid-type-int) | fetching a Python number, a set, ... | fetch tensors, ops, names, or lists/tuples/dicts of them |
# | `TypeError` | [Argument `fetch` = None … Cannot be None](#fetch-cannot-be-none) | fetching `None` (e.g. `merge_all()` with no summaries) | check for `None` first |
# | `ValueError` | [The name 'nope' refers to an Operation not in the graph.](#fetch-operation-not-in-graph) | no operation of that name | look at `g.get_operations()` |
# | `ValueError` | [The name 'nope:0' refers to a Tensor which does not exist.](#fetch-tensor-does-not-exist) | no such tensor name or output index | `name:index` of an existing op |
# | `ValueError` | [… is not an element of this graph.](#fetch-not-an-element-of-this-graph) | fetching a tensor of another graph | open a session for that graph |
# | `TypeError` | [FlattenDictItems: 'dict' must be a dictionary …](#feed-dict-must-be-a-dictionary) | `feed_dict` is a list | pass a dict |
# | `TypeError` | [Cannot interpret feed_dict key as Tensor: Can not convert a int into a Tensor.](#feed-key-int) | the key is an int or an operation | key by tensor or `"name:0"` |
# | `TypeError` | [… The name 'p' refers to an Operation, not a Tensor.](#feed-key-operation-not-a-tensor) | an op name as key, missing `:0` | `"p:0"` |
# | `TypeError` | [… The name 'nope:0' refers to a Tensor which does not exist.](#feed-key-tensor-does-not-exist) | a key name not in the graph | an existing tensor name |
# | `TypeError` | [Cannot interpret feed_dict key as Tensor: … is not an element of this graph.](#feed-key-not-an-element-of-this-graph) | the key comes from another graph | a tensor of the session's graph |
# | `ValueError` | [Tensor size:0 may not be fed.](#may-not-be-fed) | the tensor is marked not feedable | use `placeholder_with_default` |
# | `TypeError` | [The value of a feed cannot be a tf.Tensor object.](#feed-value-cannot-be-a-tensor) | the fed value is a tensor | fetch it to numpy first, or wire it in the graph |
# | `ValueError` | [could not convert string to float](#could-not-convert-string-to-float) | a non-numeric string for a numeric placeholder | clean the data, or `tf.strings.to_number` in the graph |
# | `TypeError` | [float() argument must be a string or a real number, not 'dict'](#float-argument-not-dict) | a dict (or similar) that numpy cannot turn into numbers | feed an array |
# | `ValueError` | [setting an array element with a sequence. … inhomogeneous shape](#inhomogeneous-shape) | ragged nested lists | pad to a rectangle |
# | `TypeError` | [Type of feed value 300 … is not compatible with Tensor type](#feed-value-300-not-compatible) | a Python int out of the dtype's range | a wider dtype (arrays **wrap silently**) |
# | `ValueError` | [Cannot feed value of shape (3,) for Tensor p:0, which has shape (2,)](#cannot-feed-value-of-shape) | the shape does not match the placeholder | reshape the data, or declare `None` dimensions |
# | `InvalidArgumentError` | [You must feed a value for placeholder tensor 'p'](#you-must-feed-a-value) | a needed placeholder was not fed | feed it, or use `placeholder_with_default` |
# | `FailedPreconditionError` | [Could not find variable v. … uninitialized.](#could-not-find-variable) | a resource variable was not initialized | run `global_variables_initializer()` first |
# | `FailedPreconditionError` | [Attempting to use uninitialized value r](#uninitialized-value) | a `RefVariable` was not initialized | same |
# | `InvalidArgumentError` | [assertion failed: …](#assertion-failed) | an assert op's condition failed | check the data |
# | `InvalidArgumentError` | [… Tensor had NaN values](#tensor-had-nan-values) | `check_numerics` saw NaN or Inf | find where the NaN comes from |
# | `InvalidArgumentError` | [Integer division by zero](#integer-division-by-zero) | integer `//` or `%` by 0 | guard the divisor |
# | `InvalidArgumentError` | [StringToNumberOp could not correctly convert string](#string-to-number) | the string is not a number | validate first |
# | `InvalidArgumentError` | [Input to reshape is a tensor with 3 values …](#input-to-reshape) | the element count is wrong at run time | feed the right number of elements |
# | `DeadlineExceededError` | [Timed out waiting for notification](#timed-out) | `timeout_in_ms` ran out, e.g. on a blocked dequeue | enqueue first, or allow more time |
# | `OutOfRangeError` | [End of sequence](#end-of-sequence) | the iterator is exhausted | catch it to end the loop |
#
# This page keeps TF 2's default eager execution on and writes graph-mode code inside
# `with g.as_default():` blocks. The first rows of the table are the usual traps of that style.
# For normal use of fetches and feeds see [fetches](session-fetches.md) and
# [feeds](session-feed-dict.md); terms are in the [glossary](glossary.md).

# %% [markdown] lang="zh"
# ## 准备
#
# 一张小图：常量 `a`、形状为 `[2]` 的占位符 `p`，以及 `doubled = p * 2`。
# 后面各节都往这张图 `g` 里加节点（node），大多数错误都在同一个会话 `sess` 里触发。
# %% [markdown] lang="en"
# ## Setup
#
# A small graph: a constant `a`, a `placeholder` `p` of shape `[2]`, and `doubled = p * 2`. Later
# sections add nodes to this graph `g`, and most errors are triggered in the same `Session`,
# `sess`.

# %%
import os

os.environ["TF_CPP_MIN_LOG_LEVEL"] = "3"

import sys

import numpy as np
import tensorflow as tf

tf.keras.utils.set_random_seed(0)
np.random.seed(0)
tf.compat.v1.set_random_seed(0)

print("TensorFlow", tf.__version__, "| numpy", np.__version__)
print("executing eagerly:", tf.executing_eagerly())

# %%
g = tf.Graph()
with g.as_default():
    a = tf.constant(1.0, name="a")
    p = tf.compat.v1.placeholder(tf.float32, shape=[2], name="p")
    doubled = tf.multiply(p, 2.0, name="doubled")

sess = tf.compat.v1.Session(graph=g)
print(sess.run(doubled, feed_dict={p: [1.0, 2.0]}))

# %% [markdown] lang="zh"
# ## TypeError: Argument `target` must be a string, but got "ConfigProto". Did you do "Session(config)" instead of "Session(config=config)"? {#target-must-be-a-string}
#
# 创建会话时参数放错了位置。
#
# **原因**：`Session(target='', graph=None, config=None)` 的第一个位置参数是 `target`
# （执行引擎的地址），不是配置。把图按位置传进去也一样，只是消息里没有那句提示。
# 构造到一半失败的会话被回收时，`__del__` 还会打印一条被忽略的 `AttributeError`，
# 这条可以不管；下面把 `sys.unraisablehook` 临时换成只打印一行，好让你看见它。
#
# **解决**：用关键字参数：`Session(config=...)`、`Session(graph=...)`。
# %% [markdown] lang="en"
# ## TypeError: Argument `target` must be a string, but got "ConfigProto". Did you do "Session(config)" instead of "Session(config=config)"? {#target-must-be-a-string}
#
# An argument went to the wrong place when the session was created.
#
# **Cause.** The first positional parameter of `Session(target='', graph=None, config=None)` is
# `target` (the address of the execution engine), not the config. Passing the graph by position
# fails the same way, only without the hint. When the half-built session is garbage-collected, its
# `__del__` also reports an ignored `AttributeError`, which is harmless; below,
# `sys.unraisablehook` is swapped for one that prints a single line, so that you see it.
#
# **Fix.** Use keywords: `Session(config=...)`, `Session(graph=...)`.


# %%
def print_unraisable(info):
    print(f"ignored in {info.object.__qualname__}: {info.exc_type.__name__}: {info.exc_value}")


sys.unraisablehook = print_unraisable
with expect(TypeError, 'Did you do "Session(config)" instead of "Session(config=config)"?'):
    tf.compat.v1.Session(tf.compat.v1.ConfigProto())
with expect(TypeError, 'Argument `target` must be a string, but got "Graph"'):
    tf.compat.v1.Session(g)
sys.unraisablehook = sys.__unraisablehook__

with tf.compat.v1.Session(graph=g, config=tf.compat.v1.ConfigProto()) as fixed:
    print("fixed:", fixed.run(a))

# %% [markdown] lang="zh"
# ## RuntimeError: The Session graph is empty. Add operations to the graph before calling run(). {#session-graph-is-empty}
#
# 会话要运行的图里一个操作（operation）也没有。
#
# **原因**：TF 2 默认开着即时执行。这时 `tf.constant(3.0)` 立刻算出一个值（`EagerTensor`），
# 不会进入任何图；而不带参数的 `tf.compat.v1.Session()` 用的是全局默认图，它是空的。
# 图是空的时候，哪怕取回一个空列表也会报这个错。
#
# **解决**：在 `with g.as_default():` 里建图，再用 `Session(graph=g)` 运行；
# 或者在程序开头调用 `tf.compat.v1.disable_eager_execution()`。
# 图里只要有节点，`sess.run([])` 就只是返回空列表。
# %% [markdown] lang="en"
# ## RuntimeError: The Session graph is empty. Add operations to the graph before calling run(). {#session-graph-is-empty}
#
# The graph the session runs has no operations at all.
#
# **Cause.** TF 2 runs eagerly by default. `tf.constant(3.0)` then computes a value right away (an
# `EagerTensor`) and adds nothing to any graph, while `tf.compat.v1.Session()` without arguments
# runs the global default graph, which is empty. With an empty graph even fetching an empty list
# fails.
#
# **Fix.** Build the graph inside `with g.as_default():` and run it with `Session(graph=g)`, or call
# `tf.compat.v1.disable_eager_execution()` at the start of the program. Once the graph has nodes,
# `sess.run([])` simply returns an empty list.

# %%
x = tf.constant(3.0)  # eager is on: a value, not a graph node
print(type(x).__name__)
with tf.compat.v1.Session() as default_sess:
    print("operations in the default graph:", len(default_sess.graph.get_operations()))
    with expect(RuntimeError, "The Session graph is empty."):
        default_sess.run(x)
    with expect(RuntimeError, "The Session graph is empty."):
        default_sess.run([])

print("fixed:", sess.run([]), sess.run({}))
assert sess.run([]) == [] and sess.run({}) == {}

# %% [markdown] lang="zh"
# ## RuntimeError: tf.placeholder() is not compatible with eager execution. {#placeholder-not-compatible-with-eager}
#
# 即时执行下没有“以后再填的值”，所以不能创建占位符。
#
# **原因**：在任何 `with g.as_default():` 之外调用了 `tf.compat.v1.placeholder`。
#
# **解决**：在图里创建占位符，像上面的 `p` 那样；或者先关掉即时执行。
# %% [markdown] lang="en"
# ## RuntimeError: tf.placeholder() is not compatible with eager execution. {#placeholder-not-compatible-with-eager}
#
# Eager execution has no "value to be supplied later", so it cannot create a placeholder.
#
# **Cause.** `tf.compat.v1.placeholder` was called outside any `with g.as_default():` block.
#
# **Fix.** Create placeholders inside a graph, as `p` above, or disable eager execution first.

# %%
with expect(RuntimeError, "tf.placeholder() is not compatible with eager execution."):
    tf.compat.v1.placeholder(tf.float32, shape=[2])

with g.as_default():
    fixed_p = tf.compat.v1.placeholder(tf.float32, shape=[2])
print("fixed:", fixed_p)

# %% [markdown] lang="zh"
# ## TypeError: &lt;tf.Tensor 'p:0' shape=(2,) dtype=float32&gt; is out of scope and cannot be used here. {#out-of-scope}
#
# 图里的张量被拿到了图外面用。
#
# **原因**：`p` 属于图 `g`，可 `p + 1.0` 写在 `with g.as_default():` 之外。
# 这时 TensorFlow 想即时执行这个加法，却发现输入是一个没有值的符号张量。
# 消息提到的 `tf.function` 与此无关，它原本是为函数图写的。
# 消息里还用内存地址指代那张图，每次运行都不同，`expect` 打印时把它显示为 `0x...`。
#
# **解决**：所有用到 `p` 的运算都写进 `with g.as_default():`。
# %% [markdown] lang="en"
# ## TypeError: &lt;tf.Tensor 'p:0' shape=(2,) dtype=float32&gt; is out of scope and cannot be used here. {#out-of-scope}
#
# A tensor of a graph was used outside that graph.
#
# **Cause.** `p` belongs to graph `g`, but `p + 1.0` is written outside `with g.as_default():`.
# TensorFlow then tries to run the addition eagerly and finds a symbolic input that has no value.
# The message talks about `tf.function`; ignore that, it was written for function graphs. The
# message also names the graph by its memory address, which changes on every run; `expect` prints
# it as `0x...`.
#
# **Fix.** Build every operation that uses `p` inside `with g.as_default():`.

# %%
with expect(TypeError, "is out of scope and cannot be used here"):
    p + 1.0  # outside `with g.as_default()`: TF tries to run it eagerly

with g.as_default():
    p_plus_one = p + 1.0
print("fixed:", sess.run(p_plus_one, feed_dict={p: [1.0, 2.0]}))

# %% [markdown] lang="zh"
# ## RuntimeError: Session context managers are not re-entrant. {#session-not-re-entrant}
#
# 同一个会话被 `with` 了两层。
#
# **原因**：`with sess:` 不能嵌套。注意后果：内层报错、异常穿出外层 `with` 时，
# 外层的 `__exit__` 会把会话**关掉**，之后再用就是下一节的“closed Session”。
# 先后两次（不嵌套）`with sess:` 不会触发这个错误，但第一次结束时会话已经关闭了。
#
# **解决**：只想把它设为默认会话时，用 `with sess.as_default():`。它可以嵌套，退出时也不关闭会话。
# %% [markdown] lang="en"
# ## RuntimeError: Session context managers are not re-entrant. {#session-not-re-entrant}
#
# The same session was entered with `with` twice, one inside the other.
#
# **Cause.** `with sess:` cannot be nested. Mind the side effect: when the inner error leaves the
# outer `with`, the outer `__exit__` **closes** the session, so the next use gives the "closed
# Session" error of the next section. Two `with sess:` blocks one after the other do not raise this
# error, but the first one already closed the session.
#
# **Fix.** To make a session the default one, use `with sess.as_default():`. It nests, and leaving
# it does not close the session.

# %%
nested = tf.compat.v1.Session(graph=g)
with expect(RuntimeError, "Session context managers are not re-entrant."):
    with nested:
        with nested:
            pass
with expect(RuntimeError, "Attempted to use a closed Session."):
    nested.run(a)  # the failed outer `with` closed it

fixed = tf.compat.v1.Session(graph=g)
with fixed.as_default():
    with fixed.as_default():
        print("fixed, nested as_default:", a.eval())
print("still open afterwards:", fixed.run(a))
fixed.close()

# %% [markdown] lang="zh"
# ## RuntimeError: Attempted to use a closed Session. {#closed-session}
#
# 会话关闭后还在调用 `run`。
#
# **原因**：显式调用过 `close()`，或者 `with tf.compat.v1.Session() as s:` 的块已经结束
# ——块结束时会话自动关闭，变量 `s` 却还在。对关闭的会话再写一次 `with s:` 不会报错，
# 要到第一次 `run` 才报。重复调用 `close()` 则不会报错。
#
# **解决**：把 `run` 放进 `with` 块里；块结束之后还要用，就新开一个会话。
# 会话里的变量值会随会话一起丢失，需要的话先用 `tf.compat.v1.train.Saver` 存成检查点（checkpoint）。
# %% [markdown] lang="en"
# ## RuntimeError: Attempted to use a closed Session. {#closed-session}
#
# `run` was called on a session that is already closed.
#
# **Cause.** Either `close()` was called, or the block of `with tf.compat.v1.Session() as s:` has
# ended: the block closes the session, while the name `s` lives on. Entering a closed session
# with `with s:` again raises nothing; the first `run` does. Calling `close()` twice is fine.
#
# **Fix.** Keep the `run` calls inside the `with` block, or open a new session after it. Variable
# values die with the session; save them first (e.g. `tf.compat.v1.train.Saver`) if you need them.

# %%
closed = tf.compat.v1.Session(graph=g)
closed.close()
closed.close()  # closing twice is fine
with expect(RuntimeError, "Attempted to use a closed Session."):
    closed.run(a)

with tf.compat.v1.Session(graph=g) as s:
    print("inside the block:", s.run(a))
with s:  # entering the closed session again raises nothing...
    with expect(RuntimeError, "Attempted to use a closed Session."):
        s.run(a)  # ...the first run does

# %% [markdown] lang="zh"
# ## ValueError: Cannot evaluate tensor using `eval()`: No default session is registered. {#no-default-session}
#
# `Tensor.eval()` 和 `Operation.run()` 需要一个默认会话，但当前没有。
#
# **原因**：只有在 `with sess:` 或 `with sess.as_default():` 里面，会话才是默认会话；
# 单纯创建一个 `Session` 并不会让它成为默认会话。`Operation.run()` 的消息与此类似：
# `Cannot execute operation using run()`。
#
# **解决**：`t.eval(session=sess)`，或者放进 `with sess.as_default():`。
# %% [markdown] lang="en"
# ## ValueError: Cannot evaluate tensor using `eval()`: No default session is registered. {#no-default-session}
#
# `Tensor.eval()` and `Operation.run()` need a default session, and there is none.
#
# **Cause.** A session is the default only inside `with sess:` or `with sess.as_default():`;
# creating a `Session` does not make it the default. `Operation.run()` fails with a similar message,
# `Cannot execute operation using run()`.
#
# **Fix.** `t.eval(session=sess)`, or run it inside `with sess.as_default():`.

# %%
with expect(ValueError, "No default session is registered."):
    a.eval()
with expect(ValueError, "Cannot execute operation using `run()`"):
    doubled.op.run()

print("fixed:", a.eval(session=sess))
with sess.as_default():
    print("fixed:", a.eval())

# %% [markdown] lang="zh"
# ## ValueError: Cannot use the given session to evaluate tensor: the tensor's graph is different from the session's graph. {#eval-graph-is-different}
#
# `eval(session=...)` 拿到的会话运行的是另一张图。
#
# **原因**：一个会话只运行一张图（`sess.graph`），张量 `c` 却属于另一张图 `other`。
#
# **解决**：用张量自己所在的图 `c.graph` 开会话。
# %% [markdown] lang="en"
# ## ValueError: Cannot use the given session to evaluate tensor: the tensor's graph is different from the session's graph. {#eval-graph-is-different}
#
# The session given to `eval(session=...)` runs a different graph.
#
# **Cause.** A session runs exactly one graph (`sess.graph`); the tensor `c` belongs to another
# graph, `other`.
#
# **Fix.** Open a session on the tensor's own graph, `c.graph`.

# %%
other = tf.Graph()
with other.as_default():
    c = tf.constant(2.0, name="c")

with expect(ValueError, "the tensor's graph is different from the session's graph"):
    c.eval(session=sess)

with tf.compat.v1.Session(graph=c.graph) as other_sess:
    print("fixed:", c.eval(session=other_sess))

# %% [markdown] lang="zh"
# ## TypeError: Argument `fetch` = 1 has invalid type "int" must be a string or Tensor. {#fetch-invalid-type-int}
#
# `run` 的第一个参数里有它不认识的东西。
#
# **原因**：可以取回的只有张量、操作、它们的名字（字符串），以及由它们组成的列表、元组、
# 字典和具名元组（`namedtuple`）。Python 数字、`set` 都不行。
#
# **解决**：要取回的常量先在图里建成节点；多个结果用列表、元组或字典组织。
# 取回的各种结构见 [取回](session-fetches.md)。
# %% [markdown] lang="en"
# ## TypeError: Argument `fetch` = 1 has invalid type "int" must be a string or Tensor. {#fetch-invalid-type-int}
#
# The first argument of `run` contains something it does not understand.
#
# **Cause.** You can fetch tensors, operations, their names (strings), and lists, tuples, dicts and
# namedtuples of those. Python numbers and sets are rejected.
#
# **Fix.** Make a constant a graph node first; group several results in a list, tuple or dict.
# [Fetches](session-fetches.md) covers every fetch structure.

# %%
with expect(TypeError, 'Argument `fetch` = 1 has invalid type "int" must be a string or Tensor'):
    sess.run(1)
with expect(TypeError, 'has invalid type "set"'):
    sess.run({a})

with g.as_default():
    one = tf.constant(1, name="one")
print("fixed:", sess.run([one, a]), sess.run({"a": a, "one": one}))

# %% [markdown] lang="zh"
# ## TypeError: Argument `fetch` = None has invalid type "NoneType". Cannot be None {#fetch-cannot-be-none}
#
# 要取回的东西是 `None`。
#
# **原因**：`None` 通常来自某个“什么也没建”的函数。典型例子是
# `tf.compat.v1.summary.merge_all()`：图里没有任何摘要（summary）时它返回 `None`，
# 而不是一个空操作。忘了写 `return` 的建图函数也会给出 `None`。
#
# **解决**：取回前检查 `None`，只取回真正存在的节点。
# %% [markdown] lang="en"
# ## TypeError: Argument `fetch` = None has invalid type "NoneType". Cannot be None {#fetch-cannot-be-none}
#
# The thing to fetch is `None`.
#
# **Cause.** `None` usually comes from a function that built nothing. The classic case is
# `tf.compat.v1.summary.merge_all()`: with no summaries in the graph it returns `None`, not an
# empty op. A graph-building function that forgot its `return` gives `None` too.
#
# **Fix.** Check for `None` and fetch only nodes that exist.

# %%
with g.as_default():
    summaries = tf.compat.v1.summary.merge_all()
print("merge_all() returned:", summaries)

with expect(TypeError, 'Argument `fetch` = None has invalid type "NoneType". Cannot be None'):
    sess.run(summaries)

fetches = [a] + ([summaries] if summaries is not None else [])
print("fixed:", sess.run(fetches))

# %% [markdown] lang="zh"
# ## ValueError: Argument `fetch` = nope cannot be interpreted as a Tensor. ("The name 'nope' refers to an Operation not in the graph.") {#fetch-operation-not-in-graph}
#
# 按名字取回，但图里没有叫这个名字的操作。
#
# **原因**：不带 `:序号` 的字符串被当作操作名。名字拼错了，或者操作建在了别的图里、
# 带上了名字作用域（name scope）前缀，或者因重名被自动改成了 `name_1`。
#
# **解决**：列出图里真正的名字。注意取回**操作**（`"a"`）得到的是 `None`，
# 取回它的**张量**（`"a:0"`）才得到值。
# %% [markdown] lang="en"
# ## ValueError: Argument `fetch` = nope cannot be interpreted as a Tensor. ("The name 'nope' refers to an Operation not in the graph.") {#fetch-operation-not-in-graph}
#
# A fetch by name, and the graph has no operation of that name.
#
# **Cause.** A string without `:index` is taken as an operation name. The name is misspelt, or the
# op lives in another graph, carries a name-scope prefix, or was renamed to `name_1` because the
# name was taken.
#
# **Fix.** List the names the graph really has. Note that fetching the **operation** (`"a"`) gives
# `None`; fetching its **tensor** (`"a:0"`) gives the value.

# %%
with expect(ValueError, "The name 'nope' refers to an Operation not in the graph."):
    sess.run("nope")

print([op.name for op in g.get_operations()][:6])
print("fixed:", sess.run("a"), sess.run("a:0"))

# %% [markdown] lang="zh"
# ## ValueError: Argument `fetch` = nope:0 cannot be interpreted as a Tensor. ("The name 'nope:0' refers to a Tensor which does not exist. …") {#fetch-tensor-does-not-exist}
#
# 按张量名取回，但这个张量不存在。
#
# **原因**：要么操作 `nope` 不存在，要么操作存在、序号超出了它的输出个数（`a:1`，消息会说
# `only has 1 outputs`）。注意类型：`Session.run` 报的是 `ValueError`；
# 直接调用 `g.get_tensor_by_name("nope:0")` 报的却是 `KeyError`，消息相同。
#
# **解决**：用 `操作名:输出序号`，序号从 0 开始；不确定时查 `op.outputs`。
# %% [markdown] lang="en"
# ## ValueError: Argument `fetch` = nope:0 cannot be interpreted as a Tensor. ("The name 'nope:0' refers to a Tensor which does not exist. …") {#fetch-tensor-does-not-exist}
#
# A fetch by tensor name, and that tensor does not exist.
#
# **Cause.** Either the op `nope` does not exist, or it exists and the index is past its outputs
# (`a:1`; the message then says `only has 1 outputs`). Mind the type: `Session.run` raises
# `ValueError`, while `g.get_tensor_by_name("nope:0")` raises `KeyError` with the same message.
#
# **Fix.** Use `op_name:output_index`, counting from 0; check `op.outputs` when unsure.

# %%
with expect(ValueError, "The name 'nope:0' refers to a Tensor which does not exist."):
    sess.run("nope:0")
with expect(ValueError, "The operation, 'a', exists but only has 1 outputs."):
    sess.run("a:1")
with expect(KeyError, "The name 'nope:0' refers to a Tensor which does not exist."):
    g.get_tensor_by_name("nope:0")

print("outputs of a:", g.get_operation_by_name("a").outputs)
print("fixed:", sess.run("a:0"))

# %% [markdown] lang="zh"
# ## ValueError: Argument `fetch` = Tensor("c:0", …) cannot be interpreted as a Tensor. (Tensor Tensor("c:0", …) is not an element of this graph.) {#fetch-not-an-element-of-this-graph}
#
# 取回的张量属于另一张图。
#
# **原因**：在 notebook 里最常见：重新运行了建模型的单元格（或调用了
# `tf.compat.v1.reset_default_graph()`、`tf.keras.backend.clear_session()`），
# 新的张量建在了新图里，旧会话却还绑着旧图。
#
# **解决**：一个会话只服务一张图。先建好图，再为它开会话；
# 可以用 `t.graph is sess.graph` 检查。
# %% [markdown] lang="en"
# ## ValueError: Argument `fetch` = Tensor("c:0", …) cannot be interpreted as a Tensor. (Tensor Tensor("c:0", …) is not an element of this graph.) {#fetch-not-an-element-of-this-graph}
#
# The fetched tensor belongs to another graph.
#
# **Cause.** Most common in notebooks: you re-ran the cell that builds the model (or called
# `tf.compat.v1.reset_default_graph()` or `tf.keras.backend.clear_session()`), the new tensors
# live in a new graph, and the old session is still bound to the old one.
#
# **Fix.** One session serves one graph. Build the graph, then open its session; check with
# `t.graph is sess.graph`.

# %%
with expect(ValueError, "is not an element of this graph."):
    sess.run(c)

print("c.graph is sess.graph:", c.graph is sess.graph)
with tf.compat.v1.Session(graph=c.graph) as other_sess:
    print("fixed:", other_sess.run(c))

# %% [markdown] lang="zh"
# ## TypeError: FlattenDictItems: 'dict' must be a dictionary or collection.Mapping type object, instead of 'list'. {#feed-dict-must-be-a-dictionary}
#
# `feed_dict` 不是字典。
#
# **原因**：`feed_dict` 必须是映射（`dict` 之类），比如传成了 `[(p, value)]` 这样的列表。
#
# **解决**：传字典；已有 `(键, 值)` 对的列表，用 `dict(...)` 转一下。
# %% [markdown] lang="en"
# ## TypeError: FlattenDictItems: 'dict' must be a dictionary or collection.Mapping type object, instead of 'list'. {#feed-dict-must-be-a-dictionary}
#
# `feed_dict` is not a dict.
#
# **Cause.** `feed_dict` must be a mapping (a `dict` or similar); here it is a list like
# `[(p, value)]`.
#
# **Fix.** Pass a dict; turn a list of `(key, value)` pairs into one with `dict(...)`.

# %%
pairs = [(p, [1.0, 2.0])]
with expect(TypeError, "FlattenDictItems: 'dict' must be a dictionary"):
    sess.run(doubled, feed_dict=pairs)

print("fixed:", sess.run(doubled, feed_dict=dict(pairs)))

# %% [markdown] lang="zh"
# ## TypeError: Cannot interpret feed_dict key as Tensor: Can not convert a int into a Tensor. {#feed-key-int}
#
# `feed_dict` 的键不是张量。
#
# **原因**：键只能是张量（或张量名字符串，见下两节）。整数、操作（`Operation`）都不行：
# 馈送替换的是某个操作的**一个输出**，而不是操作本身。
#
# **解决**：键用张量本身（`p`），或者用它的名字 `"p:0"`。
# %% [markdown] lang="en"
# ## TypeError: Cannot interpret feed_dict key as Tensor: Can not convert a int into a Tensor. {#feed-key-int}
#
# A `feed_dict` key is not a tensor.
#
# **Cause.** Keys must be tensors (or tensor names, see the next two sections). Ints are rejected,
# and so are operations: a feed replaces **one output** of an op, not the op.
#
# **Fix.** Key by the tensor itself (`p`) or by its name, `"p:0"`.

# %%
with expect(
    TypeError, "Cannot interpret feed_dict key as Tensor: Can not convert a int into a Tensor."
):
    sess.run(doubled, feed_dict={0: [1.0, 2.0]})
with expect(TypeError, "Can not convert a Operation into a Tensor."):
    sess.run(doubled, feed_dict={p.op: [1.0, 2.0]})

print("fixed:", sess.run(doubled, feed_dict={p: [1.0, 2.0]}))

# %% [markdown] lang="zh"
# ## TypeError: Cannot interpret feed_dict key as Tensor: The name 'p' refers to an Operation, not a Tensor. {#feed-key-operation-not-a-tensor}
#
# 用操作名当了 `feed_dict` 的键。
#
# **原因**：`"p"` 是操作名；馈送要的是张量名，格式为 `"操作名:输出序号"`。
# 取回时 `"p"` 合法（取回操作），馈送时却不行，所以这个错误很常见。
#
# **解决**：写成 `"p:0"`。
# %% [markdown] lang="en"
# ## TypeError: Cannot interpret feed_dict key as Tensor: The name 'p' refers to an Operation, not a Tensor. {#feed-key-operation-not-a-tensor}
#
# An operation name was used as a `feed_dict` key.
#
# **Cause.** `"p"` is an operation name; a feed needs a tensor name, `"op_name:output_index"`. As a
# fetch, `"p"` is legal (it fetches the op), which is why this mistake is common in feeds.
#
# **Fix.** Write `"p:0"`.

# %%
with expect(TypeError, "The name 'p' refers to an Operation, not a Tensor."):
    sess.run(doubled, feed_dict={"p": [1.0, 2.0]})

print("fixed:", sess.run(doubled, feed_dict={"p:0": [1.0, 2.0]}))

# %% [markdown] lang="zh"
# ## TypeError: Cannot interpret feed_dict key as Tensor: The name 'nope:0' refers to a Tensor which does not exist. {#feed-key-tensor-does-not-exist}
#
# 用来当键的张量名在图里不存在。
#
# **原因**：名字拼错，或者缺了名字作用域前缀。同样的名字拿去取回，报的是 `ValueError`；
# 当键用，报的却是 `TypeError`。不带 `:0` 又不存在的名字，消息则是
# `looks like an (invalid) Operation name`。
#
# **解决**：用图里真实存在的张量名，或者直接用张量对象当键。
# %% [markdown] lang="en"
# ## TypeError: Cannot interpret feed_dict key as Tensor: The name 'nope:0' refers to a Tensor which does not exist. {#feed-key-tensor-does-not-exist}
#
# The tensor name used as a key does not exist in the graph.
#
# **Cause.** A typo, or a missing name-scope prefix. The same name as a fetch raises `ValueError`;
# as a key it raises `TypeError`. A missing name without `:0` gives
# `looks like an (invalid) Operation name` instead.
#
# **Fix.** Use a tensor name that exists, or key by the tensor object.

# %%
with expect(TypeError, "The name 'nope:0' refers to a Tensor which does not exist."):
    sess.run(doubled, feed_dict={"nope:0": [1.0, 2.0]})
with expect(TypeError, "The name 'nope' looks like an (invalid) Operation name, not a Tensor."):
    sess.run(doubled, feed_dict={"nope": [1.0, 2.0]})

# %% [markdown] lang="zh"
# ## TypeError: Cannot interpret feed_dict key as Tensor: Tensor Tensor("c:0", …) is not an element of this graph. {#feed-key-not-an-element-of-this-graph}
#
# 键是另一张图里的张量。
#
# **原因**：和取回时的 [同名错误](#fetch-not-an-element-of-this-graph)
# 一样，通常是图被重建了；只是在键上出现时类型是 `TypeError`。
#
# **解决**：键必须是会话那张图（`sess.graph`）里的张量。
# %% [markdown] lang="en"
# ## TypeError: Cannot interpret feed_dict key as Tensor: Tensor Tensor("c:0", …) is not an element of this graph. {#feed-key-not-an-element-of-this-graph}
#
# The key is a tensor of another graph.
#
# **Cause.** As with the [same error on a fetch](#fetch-not-an-element-of-this-graph),
# the graph was usually rebuilt; on a key, the type is `TypeError`.
#
# **Fix.** Keys must be tensors of the session's graph, `sess.graph`.

# %%
with expect(TypeError, "is not an element of this graph."):
    sess.run(a, feed_dict={c: 5.0})

# %% [markdown] lang="zh"
# ## ValueError: Tensor size:0 may not be fed. {#may-not-be-fed}
#
# 这个张量被图标记为不可馈送。
#
# **原因**：大多数张量都能馈送，连常量和中间结果也可以（馈送会替换它的值）。
# 例外有两种。一是有人显式调用了 `Graph.prevent_feeding(t)`。
# 二是建图时某个操作读取了这个常量的值，用它推断静态形状（比如 `tf.image.resize` 读取 `size`），
# 于是图依赖这个值，TensorFlow 就不再允许替换它。可以用 `g.is_feedable(t)` 查询。
#
# **解决**：想在运行时改的值，一开始就建成 `tf.compat.v1.placeholder_with_default`：
# 不馈送时取默认值，也可以馈送。代价是静态形状变成了未知（`None`）。
# %% [markdown] lang="en"
# ## ValueError: Tensor size:0 may not be fed. {#may-not-be-fed}
#
# The graph has marked this tensor as not feedable.
#
# **Cause.** Most tensors can be fed, even constants and intermediate results (the feed replaces
# their value). There are two exceptions. Someone called `Graph.prevent_feeding(t)` explicitly. Or,
# while building, an op read the constant's value to infer a static shape (as `tf.image.resize`
# reads `size`); the graph now depends on that value, so TensorFlow refuses to replace it.
# `g.is_feedable(t)` tells you.
#
# **Fix.** Build a value you want to change at run time as
# `tf.compat.v1.placeholder_with_default`: it takes the default when not fed, and it can be fed.
# The price is that the static shape becomes unknown (`None`).

# %%
print("a constant can be fed:", sess.run(a, feed_dict={a: 5.0}))
print("an intermediate can be fed:", sess.run(doubled, feed_dict={doubled: [7.0, 7.0]}))

with g.as_default():
    image = tf.zeros([1, 4, 4, 1], name="image")
    size = tf.constant([2, 2], name="size")
    resized = tf.image.resize(image, size)
    secret = tf.identity(a, name="secret")
g.prevent_feeding(secret)
print("size feedable:", g.is_feedable(size), "| secret feedable:", g.is_feedable(secret))

with expect(ValueError, "Tensor size:0 may not be fed."):
    sess.run(resized, feed_dict={size: [3, 3]})
with expect(ValueError, "Tensor secret:0 may not be fed."):
    sess.run(secret, feed_dict={secret: 5.0})

# %%
with g.as_default():
    size_in = tf.compat.v1.placeholder_with_default([2, 2], shape=[2], name="size_in")
    resized_in = tf.image.resize(image, size_in)
print("static shape:", resized_in.shape)
print("fixed:", sess.run(resized_in).shape, sess.run(resized_in, feed_dict={size_in: [3, 3]}).shape)
assert g.is_feedable(size_in)

# %% [markdown] lang="zh"
# ## TypeError: The value of a feed cannot be a tf.Tensor object. {#feed-value-cannot-be-a-tensor}
#
# 馈送的值是一个张量，不是数据。
#
# **原因**：`feed_dict` 的值必须是具体的数据：Python 标量、字符串、列表、numpy 数组。
# 图里的张量在运行前没有值；即时执行的 `EagerTensor` 也同样被拒绝。
#
# **解决**：如果值来自图里的另一个张量，就直接在图里把两者连起来，不要经过 `feed_dict`；
# 确实要馈送，就先 `sess.run` 把它取回成 numpy 数组（`EagerTensor` 用 `.numpy()`）。
# %% [markdown] lang="en"
# ## TypeError: The value of a feed cannot be a tf.Tensor object. {#feed-value-cannot-be-a-tensor}
#
# The fed value is a tensor, not data.
#
# **Cause.** `feed_dict` values must be concrete data: Python scalars, strings, lists, numpy
# arrays. A graph tensor has no value before it runs, and an eager `EagerTensor` is rejected too.
#
# **Fix.** If the value comes from another tensor of the graph, connect the two in the graph
# instead of going through `feed_dict`. If you really need a feed, fetch it to a numpy array first
# with `sess.run` (or call `.numpy()` on an `EagerTensor`).

# %%
with g.as_default():
    ones = tf.ones([2], name="ones")
with expect(TypeError, "The value of a feed cannot be a tf.Tensor object."):
    sess.run(doubled, feed_dict={p: ones})

ones_value = sess.run(ones)
print(type(ones_value).__name__, "fixed:", sess.run(doubled, feed_dict={p: ones_value}))

# %% [markdown] lang="zh"
# ## ValueError: could not convert string to float: np.str_('x') {#could-not-convert-string-to-float}
#
# 数值占位符收到了不是数字的字符串。
#
# **原因**：`Session.run` 用 numpy 把值转换成占位符的数据类型（dtype），这里是 `float32`。
# 这条消息来自 numpy，而不是 TensorFlow；`np.str_(...)` 的写法是 numpy 2 的。
# 注意：像 `"1.5"` 这样**能**转换的字符串会被悄悄转成数字，不报任何错误。
#
# **解决**：在馈送前把数据清洗成数字；或者馈送到 `tf.string` 占位符，
# 在图里用 `tf.strings.to_number` 转换（它失败时的报错见
# [下文](#string-to-number)）。
# %% [markdown] lang="en"
# ## ValueError: could not convert string to float: np.str_('x') {#could-not-convert-string-to-float}
#
# A numeric placeholder received a string that is not a number.
#
# **Cause.** `Session.run` converts values to the placeholder's dtype (`float32` here) with numpy.
# The message comes from numpy, not TensorFlow; the `np.str_(...)` spelling is numpy 2's. Note
# that strings which **can** be converted, like `"1.5"`, are converted silently, without any error.
#
# **Fix.** Clean the data into numbers before feeding, or feed a `tf.string` placeholder and
# convert in the graph with `tf.strings.to_number` (its failure is shown
# [below](#string-to-number)).

# %%
with expect(ValueError, "could not convert string to float: np.str_('x')"):
    sess.run(doubled, feed_dict={p: ["1.5", "x"]})

silently = sess.run(doubled, feed_dict={p: ["1.5", "2"]})
print("strings that look like numbers pass silently:", silently)
assert silently.tolist() == [3.0, 4.0]

# %% [markdown] lang="zh"
# ## TypeError: float() argument must be a string or a real number, not 'dict' {#float-argument-not-dict}
#
# 馈送的值 numpy 无法转成数字数组。
#
# **原因**：值是字典或其他不是数字的对象（这条消息同样来自 numpy）。
# 列表里混进一个字典，报的也是这个错。`None` 却不会报错：numpy 把它转成 `nan`，见下面的警告。
#
# **解决**：馈送数组；字典要先取出里面的数值。
# %% [markdown] lang="en"
# ## TypeError: float() argument must be a string or a real number, not 'dict' {#float-argument-not-dict}
#
# numpy cannot turn the fed value into an array of numbers.
#
# **Cause.** The value is a dict or another object that is not a number (this message also comes
# from numpy). A list with a dict inside fails the same way. `None` does not fail: numpy turns it
# into `nan`, see the warning below.
#
# **Fix.** Feed an array; take the numbers out of a dict first.

# %%
record = {"x": 1.0, "y": 2.0}
with expect(TypeError, "float() argument must be a string or a real number, not 'dict'"):
    sess.run(doubled, feed_dict={p: record})
with expect(TypeError, "float() argument must be a string or a real number, not 'dict'"):
    sess.run(doubled, feed_dict={p: [1.0, record]})

print("fixed:", sess.run(doubled, feed_dict={p: [record["x"], record["y"]]}))

# %% [markdown] lang="zh"
# !!! warning "这些馈送不报错，却悄悄改了你的数据"
#     转换由 numpy 完成，很多“错误”的值会被默默接受：
#     `None` 变成 `nan`；`1.7` 馈送给 `int32` 占位符被截断成 `1`；
#     列表或数组里的 `300` 馈送给 `int8` 占位符**溢出**成 `44`。
#     只有**单个** Python 整数超出范围时，TensorFlow 才会检查并报错（见
#     [下文](#feed-value-300-not-compatible)）。
# %% [markdown] lang="en"
# !!! warning "These feeds raise nothing, yet change your data"
#     numpy does the conversion, and it quietly accepts many "wrong" values: `None` becomes `nan`;
#     `1.7` fed to an `int32` placeholder is truncated to `1`; `300` inside a list or array fed to an
#     `int8` placeholder **wraps around** to `44`. TensorFlow checks the range only for a
#     **single** Python int (see [below](#feed-value-300-not-compatible)).

# %%
with g.as_default():
    any_shape = tf.compat.v1.placeholder(tf.float32, shape=None, name="any_shape")
    whole = tf.compat.v1.placeholder(tf.int32, shape=[], name="whole")
    small_ints = tf.compat.v1.placeholder(tf.int8, shape=[None], name="small_ints")

from_none = sess.run(any_shape, feed_dict={any_shape: None})
in_list = sess.run(doubled, feed_dict={p: [1.0, None]})
truncated = sess.run(whole, feed_dict={whole: 1.7})
wrapped = sess.run(small_ints, feed_dict={small_ints: [300, 5]})
print("None ->", from_none, "| [1.0, None] ->", in_list)
print("1.7 -> int32:", truncated, "| [300, 5] -> int8:", wrapped)
assert np.isnan(from_none) and np.isnan(in_list[1])
assert truncated == 1 and wrapped.tolist() == [44, 5]

# %% [markdown] lang="zh"
# ## ValueError: setting an array element with a sequence. The requested array has an inhomogeneous shape after 1 dimensions. {#inhomogeneous-shape}
#
# 嵌套列表长短不一，numpy 拼不成矩形数组。
#
# **原因**：比如 `[[1.0], [1.0, 2.0]]`，两行长度不同。这也是 numpy 的消息。
#
# **解决**：把序列补齐（padding）到同样长度，再配一个掩码（`mask`）或长度向量；
# 长短不一的数据也可以改用 `tf.RaggedTensor` 或稀疏张量 `tf.SparseTensor`。
# %% [markdown] lang="en"
# ## ValueError: setting an array element with a sequence. The requested array has an inhomogeneous shape after 1 dimensions. {#inhomogeneous-shape}
#
# Nested lists of different lengths: numpy cannot make a rectangular array.
#
# **Cause.** For example `[[1.0], [1.0, 2.0]]`: the rows differ in length. This message is
# numpy's too.
#
# **Fix.** Pad the sequences to one length and carry a mask or a length vector, or use
# `tf.RaggedTensor` / `tf.SparseTensor` for ragged data.

# %%
with expect(ValueError, "The requested array has an inhomogeneous shape after 1 dimensions."):
    sess.run(any_shape, feed_dict={any_shape: [[1.0], [1.0, 2.0]]})

rows = [[1.0], [1.0, 2.0]]
padded = [row + [0.0] * (2 - len(row)) for row in rows]
print("fixed:", sess.run(any_shape, feed_dict={any_shape: padded}).tolist())

# %% [markdown] lang="zh"
# ## TypeError: Type of feed value 300 with type &lt;class 'int'&gt; is not compatible with Tensor type &lt;class 'numpy.int8'&gt;. {#feed-value-300-not-compatible}
#
# 单个 Python 整数超出了占位符数据类型的范围。
#
# **原因**：`int8` 只能表示 -128 到 127。对单个 Python `int`，TensorFlow 会检查；
# 同样的数放进列表或数组却**不检查**，会静默溢出（见上面的警告）。
#
# **解决**：给占位符一个足够宽的数据类型（消息建议 `int64`），或者先检查、裁剪数据。
# %% [markdown] lang="en"
# ## TypeError: Type of feed value 300 with type &lt;class 'int'&gt; is not compatible with Tensor type &lt;class 'numpy.int8'&gt;. {#feed-value-300-not-compatible}
#
# A single Python int does not fit the placeholder's integer dtype.
#
# **Cause.** `int8` holds -128 to 127. TensorFlow checks a single Python `int`; the same number
# inside a list or an array is **not** checked and wraps around silently (see the warning above).
#
# **Fix.** Give the placeholder a wide enough dtype (the message suggests `int64`), or check and
# clip the data first.

# %%
with g.as_default():
    small_int = tf.compat.v1.placeholder(tf.int8, shape=[], name="small_int")
    wide_int = tf.compat.v1.placeholder(tf.int64, shape=[], name="wide_int")
with expect(TypeError, "is not compatible with Tensor type <class 'numpy.int8'>"):
    sess.run(small_int, feed_dict={small_int: 300})

print("fixed:", sess.run(wide_int, feed_dict={wide_int: 300}))

# %% [markdown] lang="zh"
# ## ValueError: Cannot feed value of shape (3,) for Tensor p:0, which has shape (2,) {#cannot-feed-value-of-shape}
#
# 馈送的数据形状和占位符声明的形状不兼容。
#
# **原因**：`p` 声明了形状 `[2]`，收到的是 3 个元素。单独一个 `None` 也会落到这里：
# numpy 把它变成形状为 `()` 的 `nan`。这个检查在 Python 里完成，还没开始运行图。
#
# **解决**：按占位符的形状整理数据；如果某一维本来就会变（比如批大小），
# 声明占位符时把这一维写成 `None`。
# %% [markdown] lang="en"
# ## ValueError: Cannot feed value of shape (3,) for Tensor p:0, which has shape (2,) {#cannot-feed-value-of-shape}
#
# The fed data's shape is not compatible with the placeholder's declared shape.
#
# **Cause.** `p` declares shape `[2]` and receives 3 elements. A bare `None` lands here too:
# numpy turns it into a `nan` of shape `()`. The check happens in Python, before the graph runs.
#
# **Fix.** Shape the data as the placeholder expects. If a dimension really varies (such as the
# batch size), declare it as `None` in the placeholder.

# %%
with expect(ValueError, "Cannot feed value of shape (3,) for Tensor p:0, which has shape (2,)"):
    sess.run(doubled, feed_dict={p: [1.0, 2.0, 3.0]})
with expect(ValueError, "Cannot feed value of shape () for Tensor p:0"):
    sess.run(doubled, feed_dict={p: None})

with g.as_default():
    flexible = tf.compat.v1.placeholder(tf.float32, shape=[None], name="flexible")
    flexible_doubled = flexible * 2.0
print("fixed:", sess.run(flexible_doubled, feed_dict={flexible: [1.0, 2.0, 3.0]}))

# %% [markdown] lang="zh"
# ## InvalidArgumentError: You must feed a value for placeholder tensor 'p' with dtype float and shape [2] {#you-must-feed-a-value}
#
# 要取回的结果依赖一个占位符，但没有馈送它。
#
# **原因**：只有计算取回结果真正**需要**的占位符才必须馈送：`sess.run(a)` 不碰 `p`，不需要馈送。
# 这个错误在图运行时才出现，类型是 `tf.errors.InvalidArgumentError`；
# 完整消息还附带建这个节点时的调用栈，本页把它裁掉了。
#
# **解决**：馈送它；或者给它一个默认值，改用 `tf.compat.v1.placeholder_with_default`。
# %% [markdown] lang="en"
# ## InvalidArgumentError: You must feed a value for placeholder tensor 'p' with dtype float and shape [2] {#you-must-feed-a-value}
#
# The fetched result depends on a placeholder that was not fed.
#
# **Cause.** Only placeholders the fetches actually **need** must be fed: `sess.run(a)` does not
# touch `p` and needs no feed. The error appears while the graph runs, as
# `tf.errors.InvalidArgumentError`; the full message also carries the stack where the node was
# built, trimmed on this page.
#
# **Fix.** Feed it, or give it a default with `tf.compat.v1.placeholder_with_default`.

# %%
with expect(tf.errors.InvalidArgumentError, "You must feed a value for placeholder tensor 'p'"):
    sess.run(doubled)
print("a needs no feed:", sess.run(a))

with g.as_default():
    scale = tf.compat.v1.placeholder_with_default(2.0, shape=[], name="scale")
    scaled = a * scale
print("fixed:", sess.run(scaled), sess.run(scaled, feed_dict={scale: 10.0}))

# %% [markdown] lang="zh"
# ## FailedPreconditionError: Could not find variable v. … In TF1, it can also mean the variable is uninitialized. {#could-not-find-variable}
#
# 读取了还没初始化的变量。这是 TF 2.21 里最常见的写法给出的消息。
#
# **原因**：TF 2 默认创建资源变量（`ResourceVariable`），即使是 `tf.compat.v1.Variable`。
# 变量的值存在会话里，每个新会话都要先运行初始化器（`initializer`）。
# 旧教程里常见的 `Attempting to use uninitialized value` 是引用变量的消息，见下一节。
#
# **解决**：先运行 `tf.compat.v1.global_variables_initializer()`（在所有变量建好**之后**再创建它）；
# `tf.compat.v1.report_uninitialized_variables()` 会列出还没初始化的变量。
# %% [markdown] lang="en"
# ## FailedPreconditionError: Could not find variable v. … In TF1, it can also mean the variable is uninitialized. {#could-not-find-variable}
#
# An uninitialized variable was read. This is the message TF 2.21 gives for the usual code.
#
# **Cause.** TF 2 creates resource variables (`ResourceVariable`) by default, even for
# `tf.compat.v1.Variable`. Variable values live in the session, and every new session must run the
# `initializer` first. The `Attempting to use uninitialized value` of older tutorials is the
# message of reference variables, in the next section.
#
# **Fix.** Run `tf.compat.v1.global_variables_initializer()` first (create it **after** all
# variables exist); `tf.compat.v1.report_uninitialized_variables()` lists the variables still
# uninitialized.

# %%
with g.as_default():
    v = tf.compat.v1.Variable(3.0, name="v")
    v_twice = v * 2.0
print(type(v).__name__)

with expect(tf.errors.FailedPreconditionError, "Could not find variable v."):
    sess.run(v_twice)

# %% [markdown] lang="zh"
# ## FailedPreconditionError: Attempting to use uninitialized value r {#uninitialized-value}
#
# 同样是没初始化，这是引用变量（`RefVariable`）的消息。
#
# **原因**：`use_resource=False` 或者 `tf.compat.v1.disable_resource_variables()`
# 会创建 TF1 式的引用变量，也就是大多数旧教程和旧问答里的那种。
#
# **解决**：和上一节相同：先运行初始化器。
# %% [markdown] lang="en"
# ## FailedPreconditionError: Attempting to use uninitialized value r {#uninitialized-value}
#
# Also uninitialized; this is the message of a reference variable (`RefVariable`).
#
# **Cause.** `use_resource=False` or `tf.compat.v1.disable_resource_variables()` creates TF1-style
# reference variables, the kind most old tutorials and Q&A threads show.
#
# **Fix.** As in the previous section: run the initializer first.

# %%
with g.as_default():
    r = tf.compat.v1.Variable(3.0, name="r", use_resource=False)
    r_twice = r * 2.0
print(type(r).__name__)

with expect(tf.errors.FailedPreconditionError, "Attempting to use uninitialized value r"):
    sess.run(r_twice)

# %%
with g.as_default():
    uninitialized = tf.compat.v1.report_uninitialized_variables()
    init = tf.compat.v1.global_variables_initializer()
print("uninitialized before:", sess.run(uninitialized))
sess.run(init)
print("uninitialized after:", sess.run(uninitialized))
print("fixed:", sess.run([v_twice, r_twice]))

# %% [markdown] lang="zh"
# ## InvalidArgumentError: assertion failed: … [Condition x > 0 did not hold element-wise:] {#assertion-failed}
#
# 图里的一个断言操作在运行时失败了。
#
# **原因**：`tf.debugging.assert_positive` 之类的断言在图模式下只是一个操作，
# 要在运行时才检查；它必须被取回，或者通过控制依赖（control dependency，
# `tf.control_dependencies`）挂在被取回的结果上，
# 否则根本不会执行。消息里会带上你写的 `message` 和出错的数据。
#
# **解决**：这是断言在正常工作：修正数据，或者修正产生这些数据的代码。
# %% [markdown] lang="en"
# ## InvalidArgumentError: assertion failed: … [Condition x > 0 did not hold element-wise:] {#assertion-failed}
#
# An assert op in the graph failed at run time.
#
# **Cause.** In graph mode, an assertion such as `tf.debugging.assert_positive` is just an op that
# checks when the graph runs. It must be fetched, or hang on a fetched result through
# `tf.control_dependencies`; otherwise it never runs. The message carries your `message` and the
# offending data.
#
# **Fix.** The assertion is doing its job: fix the data, or the code that produces it.

# %%
with g.as_default():
    checked = tf.compat.v1.placeholder(tf.float32, shape=[None], name="checked")
    positive = tf.debugging.assert_positive(checked, message="inputs must be positive")
    with tf.control_dependencies([positive]):
        logs = tf.math.log(checked)

with expect(tf.errors.InvalidArgumentError, "assertion failed: [inputs must be positive"):
    sess.run(logs, feed_dict={checked: [1.0, -1.0]})

print("fixed:", sess.run(logs, feed_dict={checked: [1.0, 4.0]}))

# %% [markdown] lang="zh"
# ## InvalidArgumentError: … : Tensor had NaN values {#tensor-had-nan-values}
#
# `check_numerics` 在张量里发现了 NaN（或者 Inf：`Tensor had Inf values`）。
#
# **原因**：`tf.debugging.check_numerics(t, message)` 在 `t` 含 NaN 或 Inf 时报错，
# 消息以你给的 `message` 开头。它本身不制造错误，只是把问题暴露在出现的地方。
#
# **解决**：顺着图往上游找 NaN 的来源，常见的是对负数取 `log`、`0/0`、学习率过大。
# `tf.math.divide_no_nan` 之类的函数可以在源头避开它。
# %% [markdown] lang="en"
# ## InvalidArgumentError: … : Tensor had NaN values {#tensor-had-nan-values}
#
# `check_numerics` found a NaN in a tensor (or an Inf: `Tensor had Inf values`).
#
# **Cause.** `tf.debugging.check_numerics(t, message)` fails when `t` holds NaN or Inf; the message
# starts with your `message`. It creates no problem; it reveals one where it appears.
#
# **Fix.** Walk up the graph to where the NaN comes from; usual suspects are `log` of a negative
# number, `0/0`, a learning rate that is too large. Functions such as `tf.math.divide_no_nan`
# avoid it at the source.

# %%
with g.as_default():
    ratio = tf.compat.v1.placeholder(tf.float32, shape=[None], name="ratio")
    checked_ratio = tf.debugging.check_numerics(ratio, "ratio is broken")

with expect(tf.errors.InvalidArgumentError, "ratio is broken : Tensor had NaN values"):
    sess.run(checked_ratio, feed_dict={ratio: [1.0, np.nan]})
with expect(tf.errors.InvalidArgumentError, "ratio is broken : Tensor had Inf values"):
    sess.run(checked_ratio, feed_dict={ratio: [1.0, np.inf]})

print("fixed:", sess.run(checked_ratio, feed_dict={ratio: [1.0, 2.0]}))

# %% [markdown] lang="zh"
# ## InvalidArgumentError: Integer division by zero {#integer-division-by-zero}
#
# 整数除以零。
#
# **原因**：整数的 `//`（`FloorDiv`）和 `%`（`FloorMod`）在除数为 0 时报这个错。
# 浮点除法不报错，得到 `inf`。`tf.truncatediv` 除以 0 报的却是另一种类型：
# `InternalError`，消息说只有整数除法和取模才应该出错——显然是 TensorFlow 自己的疏漏。
#
# **解决**：运行前保证除数非零；或者先用 `tf.where` 把除数为 0 的位置替换掉。
# 比较要写成 `tf.equal(divisor, 0)`，见下面的警告。
#
# !!! warning "图里的 `t == 0` 是 Python 的 `False`"
#     在 TF1 的图里（`with g.as_default():` 里面，关掉即时执行时也一样），
#     `divisor == 0` 得到的不是布尔张量，而是 Python 的 `False`：这时 `==` 比较的是对象是否相同。
#     拿它去做 `tf.where` 的条件，就会悄悄选错分支。在图里请用 `tf.equal`。
# %% [markdown] lang="en"
# ## InvalidArgumentError: Integer division by zero {#integer-division-by-zero}
#
# An integer division by zero.
#
# **Cause.** Integer `//` (`FloorDiv`) and `%` (`FloorMod`) raise this when the divisor is 0. Float
# division raises nothing and gives `inf`. `tf.truncatediv` by zero raises another type altogether,
# `InternalError`, whose message says that only integer div and mod should fail: an oversight in
# TensorFlow itself.
#
# **Fix.** Make sure the divisor is non-zero before running, or replace the zero divisors with
# `tf.where` first. Write the comparison as `tf.equal(divisor, 0)`; see the warning below.
#
# !!! warning "In a graph, `t == 0` is Python's `False`"
#     In a TF1 graph (inside `with g.as_default():`, and also with eager execution disabled),
#     `divisor == 0` is not a boolean tensor but Python's `False`: `==` then compares object
#     identity. Used as the condition of `tf.where`, it silently picks the wrong branch. Use
#     `tf.equal` in graphs.

# %%
with g.as_default():
    divisor = tf.compat.v1.placeholder(tf.int32, shape=[], name="divisor")
    seven = tf.constant(7, name="seven")
    quotient = seven // divisor
    truncated_quotient = tf.truncatediv(seven, divisor)
    float_quotient = tf.cast(seven, tf.float32) / tf.cast(divisor, tf.float32)
    is_zero = tf.equal(divisor, 0)
    safe_quotient = tf.where(is_zero, 0, seven // tf.where(is_zero, 1, divisor))
    print("divisor == 0 in a graph:", divisor == 0)

with expect(tf.errors.InvalidArgumentError, "Integer division by zero"):
    sess.run(quotient, feed_dict={divisor: 0})
with expect(tf.errors.InternalError, "only integer div and mod should have errors"):
    sess.run(truncated_quotient, feed_dict={divisor: 0})
print("float division by zero:", sess.run(float_quotient, feed_dict={divisor: 0}))
print("fixed:", [sess.run(safe_quotient, feed_dict={divisor: d}) for d in (0, 2)])

# %% [markdown] lang="zh"
# ## InvalidArgumentError: StringToNumberOp could not correctly convert string: abc {#string-to-number}
#
# `tf.strings.to_number` 遇到了不是数字的字符串。
#
# **原因**：和 numpy 在馈送时的转换不同，这个转换发生在图里，运行时才报错，
# 而且整批数据里只要有一个坏值，整个 `run` 就失败。
#
# **解决**：先用 `tf.strings.regex_full_match` 筛出合法的字符串，
# 或者在进入图之前清洗数据。
# %% [markdown] lang="en"
# ## InvalidArgumentError: StringToNumberOp could not correctly convert string: abc {#string-to-number}
#
# `tf.strings.to_number` met a string that is not a number.
#
# **Cause.** Unlike numpy's conversion at feed time, this conversion happens in the graph and fails
# at run time; one bad value fails the whole `run`.
#
# **Fix.** Filter valid strings with `tf.strings.regex_full_match` first, or clean the data before
# it enters the graph.

# %%
with g.as_default():
    text = tf.compat.v1.placeholder(tf.string, shape=[None], name="text")
    number = tf.strings.to_number(text)
    is_number = tf.strings.regex_full_match(text, r"-?[0-9]+(\.[0-9]*)?")
    only_numbers = tf.strings.to_number(tf.boolean_mask(text, is_number))

with expect(
    tf.errors.InvalidArgumentError, "StringToNumberOp could not correctly convert string: abc"
):
    sess.run(number, feed_dict={text: ["1.5", "abc"]})

print("fixed:", sess.run(only_numbers, feed_dict={text: ["1.5", "abc"]}))

# %% [markdown] lang="zh"
# ## InvalidArgumentError: Input to reshape is a tensor with 3 values, but the requested shape has 4 {#input-to-reshape}
#
# 运行时元素个数和 `tf.reshape` 要的形状对不上。
#
# **原因**：输入的形状在建图时未知，只能到运行时才检查。如果建图时形状已知，
# 同样的错误会在建图时就以 `ValueError`（`Cannot reshape a tensor with …`）出现，
# 根本到不了 `Session.run`。
#
# **解决**：馈送元素个数正确的数据；或者让一维写成 `-1`，由 TensorFlow 推算。
# %% [markdown] lang="en"
# ## InvalidArgumentError: Input to reshape is a tensor with 3 values, but the requested shape has 4 {#input-to-reshape}
#
# At run time the element count does not match the shape `tf.reshape` asks for.
#
# **Cause.** The input's shape is unknown when the graph is built, so the check waits until run
# time. With a shape known at build time, the same mistake raises `ValueError`
# (`Cannot reshape a tensor with ...`) while building and never reaches `Session.run`.
#
# **Fix.** Feed the right number of elements, or write one dimension as `-1` and let TensorFlow
# infer it.

# %%
with g.as_default():
    flat = tf.compat.v1.placeholder(tf.float32, shape=None, name="flat")
    grid = tf.reshape(flat, [2, 2])
    rows_of_two = tf.reshape(flat, [-1, 2])
    with expect(ValueError, "Cannot reshape a tensor with 2 elements to shape [3]"):
        tf.reshape(p, [3])  # known shape: fails while building

with expect(
    tf.errors.InvalidArgumentError,
    "Input to reshape is a tensor with 3 values, but the requested shape has 4",
):
    sess.run(grid, feed_dict={flat: [1.0, 2.0, 3.0]})

print("fixed:", sess.run(rows_of_two, feed_dict={flat: [1.0, 2.0, 3.0, 4.0, 5.0, 6.0]}).tolist())

# %% [markdown] lang="zh"
# ## DeadlineExceededError: Timed out waiting for notification {#timed-out}
#
# 这次 `run` 超过了设定的时限。
#
# **原因**：运行选项（`tf.compat.v1.RunOptions`）的 `timeout_in_ms` 给单次 `run` 设了时限。
# 最常见的是在一个会阻塞的操作上超时，比如从空队列出队（`dequeue`）：
# 没有时限的话，它会永远等下去。整个会话的默认时限可以用
# `ConfigProto(operation_timeout_in_ms=...)` 设置，效果相同。
# 超时的那一步会被取消，会话本身还能继续用。
#
# **解决**：先让阻塞的条件满足（这里是先入队）；或者给足够长的时限。
# `RunOptions` 的其他用途见 [运行元数据](session-run-metadata.md)。
# %% [markdown] lang="en"
# ## DeadlineExceededError: Timed out waiting for notification {#timed-out}
#
# This `run` took longer than its deadline.
#
# **Cause.** `tf.compat.v1.RunOptions(timeout_in_ms=...)` sets a deadline for one `run`. The usual
# case is a blocking op, such as a dequeue from an empty queue, which would wait forever without
# a deadline. `ConfigProto(operation_timeout_in_ms=...)` sets the same deadline for every run of a
# session. The timed-out step is cancelled; the session stays usable.
#
# **Fix.** Satisfy what the op waits for (here: enqueue first), or allow more time. See
# [run metadata](session-run-metadata.md) for other uses of `RunOptions`.

# %%
with g.as_default():
    queue = tf.queue.FIFOQueue(capacity=2, dtypes=[tf.float32], shapes=[[]], name="queue")
    dequeued = queue.dequeue()
    enqueue = queue.enqueue([5.0])
short = tf.compat.v1.RunOptions(timeout_in_ms=200)

with expect(tf.errors.DeadlineExceededError, "Timed out waiting for notification"):
    sess.run(dequeued, options=short)

timeout_config = tf.compat.v1.ConfigProto(operation_timeout_in_ms=200)
with tf.compat.v1.Session(graph=g, config=timeout_config) as impatient:
    with expect(tf.errors.DeadlineExceededError, "Timed out waiting for notification"):
        impatient.run(dequeued)

sess.run(enqueue)
print("fixed:", sess.run(dequeued, options=short))

# %% [markdown] lang="zh"
# ## OutOfRangeError: End of sequence {#end-of-sequence}
#
# 迭代器里的数据读完了。
#
# **原因**：TF1 风格的 `tf.data` 迭代器（`make_one_shot_iterator(...).get_next()`）
# 每次 `run` 取一个元素；取完之后，下一次 `run` 就报 `OutOfRangeError`。
# 这不是程序出错，而是 TF1 表示“数据结束了”的方式。
#
# **解决**：在读数据的循环里专门捕获 `tf.errors.OutOfRangeError` 来结束循环，
# 这正是 TF1 的标准写法；想无限循环就在数据集上调用 `repeat()`。
# %% [markdown] lang="en"
# ## OutOfRangeError: End of sequence {#end-of-sequence}
#
# The iterator has no more data.
#
# **Cause.** A TF1-style `tf.data` iterator (`make_one_shot_iterator(...).get_next()`) yields one
# element per `run`; after the last one, the next `run` raises `OutOfRangeError`. Nothing is broken:
# this is how TF1 says "end of data".
#
# **Fix.** Catch exactly `tf.errors.OutOfRangeError` to end the reading loop, which is the standard
# TF1 idiom, or call `repeat()` on the dataset to loop forever.

# %%
with g.as_default():
    dataset = tf.data.Dataset.range(3)
    next_item = tf.compat.v1.data.make_one_shot_iterator(dataset).get_next()
print([int(sess.run(next_item)) for _ in range(3)])
with expect(tf.errors.OutOfRangeError, "End of sequence"):
    sess.run(next_item)

# %%
with g.as_default():
    next_again = tf.compat.v1.data.make_one_shot_iterator(dataset).get_next()
items = []
while True:
    try:
        items.append(int(sess.run(next_again)))
    except tf.errors.OutOfRangeError:  # the end of the data, not a failure
        break
print("fixed:", items)
assert items == [0, 1, 2]

sess.close()

# %% [markdown] lang="zh"
# ## 还有哪些错误不在这里
#
# 本页只收录 `Session.run` 和会话本身的错误。建图阶段的错误（形状推断失败、变量重名等）
# 在建图时就抛出，轮不到 `run`。TF1 代码迁移到 TF 2 的问题见 [迁移到 TF 2](tf2-migration.md)，
# 会话的其他功能见 [会话：更多用法](session-more.md)。
# %% [markdown] lang="en"
# ## Errors not listed here
#
# This page covers `Session.run` and the session itself. Graph-building errors (failed shape
# inference, duplicate variable names, ...) are raised while building and never reach `run`.
# For moving TF1 code to TF 2 see [TF 2 migration](tf2-migration.md); for other session features
# see [more about sessions](session-more.md).
