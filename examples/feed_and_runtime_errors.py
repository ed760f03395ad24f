# %% [markdown] lang="zh"
# # 错误速查：馈送
#
# 从搜索引擎跳到这里？在表里找到你看到的报错消息，点进去。
# 本页收录用会话（`Session`）运行计算图（graph）时，`feed_dict` 的键和值出错的常见报错：
# 占位符（`placeholder`）、张量名和馈送（`feed`）的值。这些错误大多在 Python 里检查，图还没开始运行。
# 每一节都先用真实代码触发这个错误（TensorFlow 2.21，类型和消息都由构建检查），
# 再说明原因和解决办法；能顺手演示的，也演示修好之后的样子。
# 较早的 TensorFlow 版本措辞不同的，该节末尾也列出旧的消息（只列能从 TensorFlow 源码或它真实打印的输出核实的）。
# 表里没有你的消息？图运行时的报错（包括没有馈送占位符时的
# [You must feed a value for placeholder](runtime-errors.md#you-must-feed-a-value)）在
# [错误速查：运行时](runtime-errors.md)；建图、会话本身和取回（`fetch`）的报错在
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
#
# 本页同样开着 TF 2 默认的即时执行（eager execution），图模式（graph mode）的代码都写在
# `with g.as_default():` 里。馈送的正常用法见 [馈送](session-feed-dict.md)，
# 取回见 [取回](session-fetches.md)；术语见 [术语表](glossary.md)。
# %% [markdown] lang="en"
# # Errors reference: feeds
#
# Landed here from a search? Find your error message in the table and follow the link. This page
# covers errors of the keys and values of `feed_dict` when a `Session` runs a graph: placeholders,
# tensor names and the fed values. Most of them are checked in Python, before the graph runs.
# Each section triggers the error with real code (TensorFlow 2.21; the build checks type and
# message), then explains the cause and the fix. Where it is cheap, it also shows the fix working.
# Where older TensorFlow releases word the error differently, the section ends with the older
# message (only wordings verified in TensorFlow's source or in output it printed). Not in the
# table? Errors raised while the graph runs (including
# [You must feed a value for placeholder](runtime-errors.md#you-must-feed-a-value), a placeholder
# left unfed) are in [Errors reference: run time](runtime-errors.md); errors of building the
# graph, of the session itself and of fetches are in
# [Errors reference: sessions, graphs and fetches](session-errors.md).
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
# [错误速查：运行时](runtime-errors.md#string-to-number)）。
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
# [Errors reference: run time](runtime-errors.md#string-to-number)).

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

sess.close()

# %% [markdown] lang="zh"
# ## 还有哪些错误不在这里
#
# 本页、[错误速查：运行时](runtime-errors.md) 和 [错误速查：会话、图与取回](session-errors.md)
# 只收录 `Session.run` 和会话本身的错误。建图阶段的错误（形状推断失败、变量重名等）在建图时就抛出，轮不到 `run`。
# TF1 代码迁移到 TF 2 的问题见 [迁移到 TF 2](tf2-migration.md)，会话的其他功能见 [会话：更多用法](session-more.md)。
# %% [markdown] lang="en"
# ## Errors not listed here
#
# This page, [Errors reference: run time](runtime-errors.md) and
# [Errors reference: sessions, graphs and fetches](session-errors.md) cover `Session.run` and the
# session itself. Graph-building errors (failed shape inference, duplicate variable names, ...)
# are raised while building and never reach `run`. For moving TF1 code to TF 2 see
# [TF 2 migration](tf2-migration.md); for other session features see
# [more about sessions](session-more.md).
