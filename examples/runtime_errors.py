# %% [markdown] lang="zh"
# # 错误速查：运行时
#
# 从搜索引擎跳到这里？在表里找到你看到的报错消息，点进去。
# 本页收录用会话（`Session`）运行计算图（graph）时，图在运行时（run time）报出的常见错误，
# 涉及没有馈送（`feed`）的占位符（`placeholder`）、变量（variable）、断言、整数除法、字符串转换、
# 形状、稀疏张量、队列和迭代器。
# 每一节都先用真实代码触发这个错误（TensorFlow 2.21，类型和消息都由构建检查），
# 再说明原因和解决办法；能顺手演示的，也演示修好之后的样子。
# 较早的 TensorFlow 版本措辞不同的，该节末尾也列出旧的消息（只列能从 TensorFlow 源码或它真实打印的输出核实的）。
# 表里没有你的消息？`feed_dict` 的键和值的报错在 [错误速查：馈送](feed-and-runtime-errors.md)；
# 建图、会话本身和取回（`fetch`）的报错在 [错误速查：会话、图与取回](session-errors.md)。
#
# | 类型 | 消息（节选，点击跳转） | 原因 | 解决 |
# |---|---|---|---|
# | `InvalidArgumentError` | [You must feed a value for placeholder tensor 'p'](#you-must-feed-a-value) | 需要的占位符没有馈送 | 馈送它，或用 `placeholder_with_default` |
# | `InvalidArgumentError` | [You must feed a value for placeholder tensor 'x'（明明馈送了 `x`）](#you-must-feed-renamed) | 重跑了建占位符的单元格，馈送的是改名后的 `x_1` | 在新图里重建全部，或馈送模型真正读的占位符 |
# | `FailedPreconditionError` | [Could not find variable v. … uninitialized.](#could-not-find-variable) | 资源变量没有初始化 | 先运行 `global_variables_initializer()` |
# | `FailedPreconditionError` | [Attempting to use uninitialized value r](#uninitialized-value) | 引用变量（`RefVariable`）没有初始化 | 同上 |
# | `InvalidArgumentError` | [assertion failed: …](#assertion-failed) | 断言操作的条件不成立 | 检查数据 |
# | `InvalidArgumentError` | [… Tensor had NaN values](#tensor-had-nan-values) | `check_numerics` 发现 NaN 或 Inf | 找到 NaN 的来源 |
# | `InvalidArgumentError` | [Integer division by zero](#integer-division-by-zero) | 整数 `//`、`%` 除以 0 | 先保护除数 |
# | `InvalidArgumentError` | [StringToNumberOp could not correctly convert string](#string-to-number) | 字符串不是数字 | 先校验 |
# | `InvalidArgumentError` | [Input to reshape is a tensor with 3 values …](#input-to-reshape) | 运行时元素个数对不上 | 馈送个数正确的数据 |
# | `InvalidArgumentError` | [… is out of order. Many sparse ops require sorted indices.](#sparse-indices-out-of-order) | 馈送给稀疏张量的下标没排序 | 先排序，或用 `tf.sparse.reorder` |
# | `DeadlineExceededError` | [Timed out waiting for notification](#timed-out) | 超过 `timeout_in_ms`，常见于阻塞的出队 | 先入队，或放宽时限 |
# | `OutOfRangeError` | [End of sequence](#end-of-sequence) | 迭代器读完了 | 捕获它来结束循环 |
#
# 本页同样开着 TF 2 默认的即时执行（eager execution），图模式（graph mode）的代码都写在
# `with g.as_default():` 里。馈送的正常用法见 [馈送](session-feed-dict.md)，
# 取回见 [取回](session-fetches.md)；术语见 [术语表](glossary.md)。
# %% [markdown] lang="en"
# # Errors reference: run time
#
# Landed here from a search? Find your error message in the table and follow the link. This page
# covers errors raised while a `Session` runs the graph: unfed placeholders, variables, asserts,
# integer division, string conversion, shapes, sparse tensors, queues and iterators. Each section
# triggers the error with real code (TensorFlow 2.21; the build checks type and message), then
# explains the cause and the fix. Where it is cheap, it also shows the fix working. Where older
# TensorFlow releases word the error differently, the section ends with the older message (only
# wordings verified in TensorFlow's source or in output it printed). Not in the table? Errors of
# the keys and values of `feed_dict` are in [Errors reference: feeds](feed-and-runtime-errors.md);
# errors of building the graph, of the session itself and of fetches are in
# [Errors reference: sessions, graphs and fetches](session-errors.md).
#
# | Type | Message (excerpt, links to the section) | Cause | Fix |
# |---|---|---|---|
# | `InvalidArgumentError` | [You must feed a value for placeholder tensor 'p'](#you-must-feed-a-value) | a needed placeholder was not fed | feed it, or use `placeholder_with_default` |
# | `InvalidArgumentError` | [You must feed a value for placeholder tensor 'x' (although you fed `x`)](#you-must-feed-renamed) | the placeholder's cell was re-run; the feed went to the renamed `x_1` | rebuild everything in a new graph, or feed the placeholder the model reads |
# | `FailedPreconditionError` | [Could not find variable v. … uninitialized.](#could-not-find-variable) | a resource variable was not initialized | run `global_variables_initializer()` first |
# | `FailedPreconditionError` | [Attempting to use uninitialized value r](#uninitialized-value) | a `RefVariable` was not initialized | same |
# | `InvalidArgumentError` | [assertion failed: …](#assertion-failed) | an assert op's condition failed | check the data |
# | `InvalidArgumentError` | [… Tensor had NaN values](#tensor-had-nan-values) | `check_numerics` saw NaN or Inf | find where the NaN comes from |
# | `InvalidArgumentError` | [Integer division by zero](#integer-division-by-zero) | integer `//` or `%` by 0 | guard the divisor |
# | `InvalidArgumentError` | [StringToNumberOp could not correctly convert string](#string-to-number) | the string is not a number | validate first |
# | `InvalidArgumentError` | [Input to reshape is a tensor with 3 values …](#input-to-reshape) | the element count is wrong at run time | feed the right number of elements |
# | `InvalidArgumentError` | [… is out of order. Many sparse ops require sorted indices.](#sparse-indices-out-of-order) | the indices fed to a sparse tensor are unsorted | sort them, or `tf.sparse.reorder` |
# | `DeadlineExceededError` | [Timed out waiting for notification](#timed-out) | `timeout_in_ms` ran out, e.g. on a blocked dequeue | enqueue first, or allow more time |
# | `OutOfRangeError` | [End of sequence](#end-of-sequence) | the iterator is exhausted | catch it to end the loop |
#
# This page, too, keeps TF 2's default eager execution on and writes graph-mode code inside
# `with g.as_default():` blocks. For normal use of feeds and fetches see
# [feeds](session-feed-dict.md) and [fetches](session-fetches.md); terms are in the
# [glossary](glossary.md).

# %% [markdown] lang="zh"
# ## 准备
#
# 一张小图：常量 `a`、形状为 `[2]` 的占位符 `p`，以及 `doubled = p * 2`。
# 后面各节都往图 `g` 里加节点（node），大多数错误都在同一个会话 `sess` 里触发。
# %% [markdown] lang="en"
# ## Setup
#
# A small graph: a constant `a`, a `placeholder` `p` of shape `[2]`, and `doubled = p * 2`. Later
# sections add nodes to the graph `g`, and most errors are triggered in the same `Session`,
# `sess`.

# %%
import os

os.environ["TF_CPP_MIN_LOG_LEVEL"] = "3"

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
# ## InvalidArgumentError: You must feed a value for placeholder tensor 'p' with dtype float and shape [2] {#you-must-feed-a-value}
#
# 要取回的结果依赖一个占位符，但没有馈送它。
#
# **原因**：只有计算取回结果真正**需要**的占位符才必须馈送：`sess.run(a)` 不碰 `p`，不需要馈送。
# 这个错误在图运行时才出现，类型是 `tf.errors.InvalidArgumentError`；
# 完整消息还附带建这个节点时的调用栈，本页把它裁掉了。
#
# **解决**：馈送它；或者给它一个默认值，改用 `tf.compat.v1.placeholder_with_default`。
#
# 较早的 TensorFlow 版本报的是
# `InvalidArgumentError (see above for traceback): You must feed a value for placeholder tensor 'p' with dtype float and shape [2]`，
# 下一行是节点：`[[Node: p = Placeholder[dtype=DT_FLOAT, shape=[2], …]()]]`。
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
#
# Older TensorFlow releases say
# `InvalidArgumentError (see above for traceback): You must feed a value for placeholder tensor 'p' with dtype float and shape [2]`,
# with the node on the next line: `[[Node: p = Placeholder[dtype=DT_FLOAT, shape=[2], …]()]]`.

# %%
with expect(tf.errors.InvalidArgumentError, "You must feed a value for placeholder tensor 'p'"):
    sess.run(doubled)
print("a needs no feed:", sess.run(a))

with g.as_default():
    scale = tf.compat.v1.placeholder_with_default(2.0, shape=[], name="scale")
    scaled = a * scale
print("fixed:", sess.run(scaled), sess.run(scaled, feed_dict={scale: 10.0}))

# %% [markdown] lang="zh"
# ### 明明馈送了 `x`，却说没有馈送 {#you-must-feed-renamed}
#
# 同一个错误也会在“已经馈送了”的时候出现：馈送给了另一个同名的占位符。
#
# **原因**：在 notebook 里重新运行了创建占位符的单元格，而图还是同一张（默认图，或这里的 `g`）。
# 名字 `x` 已被占用，新的占位符被悄悄改名为 `x_1`，变量 `x` 指向了它；
# 模型 `y` 是之前建的，读的仍是旧的 `x`。馈送 `x_1` 对 `y` 没有用。
# 看到 `x.name` 是 `x_1:0`，就是这个原因。
#
# **解决**：建图的代码从头到尾一起重跑，并且先换一张新图（`g = tf.Graph()`，或
# `tf.compat.v1.reset_default_graph()`），再为它开新会话；
# 或者馈送模型真正读的那个占位符（下面用 `y.op.inputs` 找到它）。
# %% [markdown] lang="en"
# ### "You must feed" although you fed `x` {#you-must-feed-renamed}
#
# The same error also shows up when you did feed: the value went to another placeholder with the
# same base name.
#
# **Cause.** In a notebook, you re-ran the cell that creates the placeholder while the graph
# stayed the same (the default graph, or `g` here). The name `x` is taken, so the new placeholder
# is silently renamed `x_1`, and the variable `x` now points to it; the model `y` was built
# earlier and still reads the old `x`. Feeding `x_1` does nothing for `y`. An `x.name` of `x_1:0`
# gives it away.
#
# **Fix.** Re-run all of the graph-building code, starting with a new graph (`g = tf.Graph()`, or
# `tf.compat.v1.reset_default_graph()`), and open a new session for it; or feed the placeholder the
# model really reads (found with `y.op.inputs` below).

# %%
with g.as_default():  # the input cell
    x = tf.compat.v1.placeholder(tf.float32, shape=[2], name="x")
with g.as_default():  # the model cell
    y = tf.multiply(x, 3.0, name="y")
with g.as_default():  # the input cell, run again: same graph, so the name x is taken
    x = tf.compat.v1.placeholder(tf.float32, shape=[2], name="x")

print("x is now:", x.name, "| y reads:", y.op.inputs[0].name)
with expect(tf.errors.InvalidArgumentError, "You must feed a value for placeholder tensor 'x'"):
    sess.run(y, feed_dict={x: [1.0, 2.0]})
print("fixed:", sess.run(y, feed_dict={y.op.inputs[0]: [1.0, 2.0]}))

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
#
# 较早的 TensorFlow 版本对资源变量报的是：
# `FailedPreconditionError: Error while reading resource variable v from Container: localhost. This could mean that the variable was uninitialized. Not found: Resource localhost/v/N10tensorflow3VarE does not exist.`
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
#
# Older TensorFlow releases say, for a resource variable:
# `FailedPreconditionError: Error while reading resource variable v from Container: localhost. This could mean that the variable was uninitialized. Not found: Resource localhost/v/N10tensorflow3VarE does not exist.`

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
# ## InvalidArgumentError: indices[1] = [0,0] is out of order. Many sparse ops require sorted indices. {#sparse-indices-out-of-order}
#
# 馈送给稀疏张量（sparse tensor）的下标没有排好序。
#
# **原因**：`SparseTensor` 约定下标按行优先（row-major）排序，但馈送时不检查。
# 下面先给第 1 行、再给第 0 行，馈送本身成功；运行到 `tf.sparse.to_dense` 这类要求有序的操作才报错。
# 不在乎顺序的操作（这里是 `tf.sparse.reduce_sum`）照常算出结果，所以问题可能藏很久。
#
# **解决**：馈送前把下标排好序；或者在图里用 `tf.sparse.reorder` 得到一份排好序的副本。
# 馈送稀疏张量的其他规则见 [馈送](session-feed-dict.md)。
# %% [markdown] lang="en"
# ## InvalidArgumentError: indices[1] = [0,0] is out of order. Many sparse ops require sorted indices. {#sparse-indices-out-of-order}
#
# The indices fed to a sparse tensor are not sorted.
#
# **Cause.** A `SparseTensor` expects its indices in row-major order, but feeding does not check
# it. Below, row 1 comes before row 0; the feed itself succeeds, and only an op that needs sorted
# indices, such as `tf.sparse.to_dense`, fails when it runs. Ops that do not care about the order
# (`tf.sparse.reduce_sum` here) compute a result as usual, so the problem can stay hidden for a
# while.
#
# **Fix.** Sort the indices before feeding, or get a sorted copy in the graph with
# `tf.sparse.reorder`. The other rules for feeding sparse tensors are in
# [feeds](session-feed-dict.md).

# %%
with g.as_default():
    sp = tf.compat.v1.sparse_placeholder(tf.float32, name="sp")
    sp_dense = tf.sparse.to_dense(sp)
    sp_sum = tf.sparse.reduce_sum(sp)
    sp_sorted_dense = tf.sparse.to_dense(tf.sparse.reorder(sp))

unsorted = ([[1, 2], [0, 0]], [2.0, 1.0], [2, 3])  # (indices, values, dense_shape): row 1 first
with expect(tf.errors.InvalidArgumentError, "is out of order. Many sparse ops require sorted"):
    sess.run(sp_dense, feed_dict={sp: unsorted})
print("reduce_sum does not check:", sess.run(sp_sum, feed_dict={sp: unsorted}))
print("fixed:", sess.run(sp_sorted_dense, feed_dict={sp: unsorted}).tolist())

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
# 本页、[错误速查：馈送](feed-and-runtime-errors.md) 和 [错误速查：会话、图与取回](session-errors.md)
# 只收录 `Session.run` 和会话本身的错误。建图阶段的错误（形状推断失败、变量重名等）在建图时就抛出，轮不到 `run`。
# TF1 代码迁移到 TF 2 的问题见 [迁移到 TF 2](tf2-migration.md)，会话的其他功能见 [会话：更多用法](session-more.md)。
# %% [markdown] lang="en"
# ## Errors not listed here
#
# This page, [Errors reference: feeds](feed-and-runtime-errors.md) and
# [Errors reference: sessions, graphs and fetches](session-errors.md) cover `Session.run` and the
# session itself. Graph-building errors (failed shape inference, duplicate variable names, ...)
# are raised while building and never reach `run`. For moving TF1 code to TF 2 see
# [TF 2 migration](tf2-migration.md); for other session features see
# [more about sessions](session-more.md).
