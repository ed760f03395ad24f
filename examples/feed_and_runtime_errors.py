# %% [markdown] lang="zh"
# # 错误速查：馈送与运行时
#
# 从搜索引擎跳到这里？在表里找到你看到的报错消息，点进去。
# 本页收录用会话（`Session`）运行计算图（graph）时，馈送（`feed`）出错和图运行时（run time）
# 出错的常见报错，涉及占位符（`placeholder`）、变量（variable）、断言、队列和迭代器。
# 每一节都先用真实代码触发这个错误（TensorFlow 2.21，类型和消息都由构建检查），
# 再说明原因和解决办法；能顺手演示的，也演示修好之后的样子。
# 较早的 TensorFlow 版本措辞不同的，该节末尾也列出旧的消息（只列能从 TensorFlow 源码或它真实打印的输出核实的）。
# 表里没有你的消息？建图、会话本身和取回（`fetch`）的报错在
# [错误速查：会话、图与取回](session-errors.md)。
#
# | 类型 | 消息（节选，点击跳转） | 原因 | 解决 |
# |---|---|---|---|
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
# | `TypeError` | [Type of feed value 300 … is not compatible with Tensor type](#feed-value-300-not-compatible) | Python 整数超出占位符类型的范围 | 换更宽的类型；数组会**静默回绕**（wrap around） |
# | `ValueError` | [Cannot feed value of shape (3,) for Tensor p:0, which has shape (2,)](#cannot-feed-value-of-shape) | 形状与占位符不符 | 改数据形状，或声明 `None` 维度 |
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
# # Errors reference: feeds and run time
#
# Landed here from a search? Find your error message in the table and follow the link. This page
# covers errors of `feed_dict` and errors raised while the graph runs in a `Session`. Each section
# triggers the error with real code (TensorFlow 2.21; the build checks type and message), then
# explains the cause and the fix. Where it is cheap, it also shows the fix working. Where older
# TensorFlow releases word the error differently, the section ends with the older message (only
# wordings verified in TensorFlow's source or in output it printed). Not in the table? Errors of
# building the graph, of the session itself and of fetches are in [Errors reference: sessions, graphs and fetches](session-errors.md).
#
# | Type | Message (excerpt, links to the section) | Cause | Fix |
# |---|---|---|---|
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
# 一张小图：常量 `a`、形状为 `[2]` 的占位符 `p`，以及 `doubled = p * 2`；
# 另一张图 `other` 里只有常量 `c`。
# 后面各节都往图 `g` 里加节点（node），大多数错误都在同一个会话 `sess` 里触发。
# %% [markdown] lang="en"
# ## Setup
#
# A small graph: a constant `a`, a `placeholder` `p` of shape `[2]`, and `doubled = p * 2`; a
# second graph, `other`, holds only the constant `c`. Later sections add nodes to the graph `g`,
# and most errors are triggered in the same `Session`, `sess`.

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

other = tf.Graph()
with other.as_default():
    c = tf.constant(2.0, name="c")

sess = tf.compat.v1.Session(graph=g)
print(sess.run(doubled, feed_dict={p: [1.0, 2.0]}))

# %% [markdown] lang="zh"
# ## TypeError: FlattenDictItems: 'dict' must be a dictionary or collection.Mapping type object, instead of 'list'. {#feed-dict-must-be-a-dictionary}
#
# `feed_dict` 不是字典。
#
# **原因**：`feed_dict` 必须是映射（`dict` 之类），比如传成了 `[(p, value)]` 这样的列表。
#
# **解决**：传字典；已有 `(键, 值)` 对的列表，用 `dict(...)` 转一下。
#
# 较早的 TensorFlow 版本报的是：`TypeError: input must be a dictionary`。
# %% [markdown] lang="en"
# ## TypeError: FlattenDictItems: 'dict' must be a dictionary or collection.Mapping type object, instead of 'list'. {#feed-dict-must-be-a-dictionary}
#
# `feed_dict` is not a dict.
#
# **Cause.** `feed_dict` must be a mapping (a `dict` or similar); here it is a list like
# `[(p, value)]`.
#
# **Fix.** Pass a dict; turn a list of `(key, value)` pairs into one with `dict(...)`.
#
# Older TensorFlow releases say: `TypeError: input must be a dictionary`.

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
# **原因**：和取回时的 [同名错误](session-errors.md#fetch-not-an-element-of-this-graph)
# 一样，通常是图被重建了；只是在键上出现时类型是 `TypeError`。
#
# **解决**：键必须是会话那张图（`sess.graph`）里的张量。
# %% [markdown] lang="en"
# ## TypeError: Cannot interpret feed_dict key as Tensor: Tensor Tensor("c:0", …) is not an element of this graph. {#feed-key-not-an-element-of-this-graph}
#
# The key is a tensor of another graph.
#
# **Cause.** As with the [same error on a fetch](session-errors.md#fetch-not-an-element-of-this-graph),
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
#     列表或数组里的 `300` 馈送给 `int8` 占位符，**回绕**成 `44`。
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
# 同样的数放进列表或数组却**不检查**，会静默回绕（见上面的警告）。
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
#
# 较早的 TensorFlow 版本给张量名和形状加了引号：
# `ValueError: Cannot feed value of shape (3,) for Tensor 'p:0', which has shape '(2,)'`。
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
#
# Older TensorFlow releases quote the tensor name and the shape:
# `ValueError: Cannot feed value of shape (3,) for Tensor 'p:0', which has shape '(2,)'`.

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
#
# 较早的 TensorFlow 版本报的是
# `InvalidArgumentError (see above for traceback): You must feed a value for placeholder tensor 'p' with dtype float`，
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
# `InvalidArgumentError (see above for traceback): You must feed a value for placeholder tensor 'p' with dtype float`,
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
# 本页和 [错误速查：会话、图与取回](session-errors.md) 只收录 `Session.run` 和会话本身的错误。
# 建图阶段的错误（形状推断失败、变量重名等）在建图时就抛出，轮不到 `run`。TF1 代码迁移到 TF 2 的问题见 [迁移到 TF 2](tf2-migration.md)，
# 会话的其他功能见 [会话：更多用法](session-more.md)。
# %% [markdown] lang="en"
# ## Errors not listed here
#
# This page and [Errors reference: sessions, graphs and fetches](session-errors.md) cover
# `Session.run` and the session itself. Graph-building errors (failed shape inference, duplicate
# variable names, ...) are raised while building and never reach `run`.
# For moving TF1 code to TF 2 see [TF 2 migration](tf2-migration.md); for other session features
# see [more about sessions](session-more.md).
