# %% [markdown] lang="zh"
# # feed_dict：馈送（`feed`）的全部规则
#
# `Session.run` 的 `feed_dict` 在一次运行里替换图中张量的值，官方文档只有几句话。
# 本页在 TF 2.21 的图模式（graph mode）下逐句运行，再补上文档没说的：值怎样转换、哪些错误静默发生。
#
# | 键的种类 | 允许的值 | 检查什么 | 出错时 |
# |---|---|---|---|
# | [占位符（`placeholder`）](#键是占位符) | 标量、字符串、列表、numpy 数组 | 形状与声明的兼容；值由 numpy 转换成键的数据类型（数值类型用 `astype`） | `ValueError: Cannot feed value of shape ...` |
# | [其他张量（中间结果、常量）](#键是其他张量覆盖中间结果) | 同上 | **同样检查形状**（文档只说检查占位符）；上游不再运行 | 同上；被禁止馈送时 `ValueError: ... may not be fed.` |
# | [名字字符串 `'x:0'`](#键是名字字符串) | 同上 | 名字必须指向一个存在的张量 | `TypeError: Cannot interpret feed_dict key as Tensor`（文档说 `ValueError`） |
# | [`SparseTensor`](#键是-sparsetensor) | `SparseTensorValue`，或 `(indices, values, dense_shape)` 元组 | 值与三个分量**逐个配对**：多出的被忽略，缺的分量没馈送 | 缺 `dense_shape`：`InvalidArgumentError: You must feed a value for placeholder tensor 'sp/shape'` |
# | [嵌套元组](#键是嵌套元组) | 同样结构的嵌套元组；其中的 `SparseTensor` 配 `iter(stv)` | 只比较**叶子的个数**；值里的列表也被展开 | `ValueError: Could not flatten dictionary` |
# | [`placeholder_with_default`](#placeholder_with_default) | 可以不馈送 | 不馈送时用默认值；馈送时检查形状 | `ValueError: Cannot feed value of shape ...` |
# | [用 `Graph.prevent_feeding` 标记的张量](#graphprevent_feeding) | 不能馈送 | `graph.is_feedable(t)` | `ValueError: Tensor ... may not be fed.` |
# | [取回需要、却没有馈送的占位符](#没有馈送的占位符) | — | 运行时才检查 | `InvalidArgumentError: You must feed a value for placeholder tensor 'x'` |
# | [任何键，值是 `tf.Tensor`](feed-value-conversion.md#报错的那些行) | 不允许 | — | `TypeError: The value of a feed cannot be a tf.Tensor object` |
#
# 值怎样转换（截断、回绕、`None` → `nan`……）和既馈送又取回同一个张量，见[馈送值的转换](feed-value-conversion.md)。
# 取回（`fetch`）的规则见[取回](session-fetches.md)，馈送的错误见[错误速查：馈送](feed-and-runtime-errors.md)，
# 运行时的错误见[错误速查：运行时](runtime-errors.md)。
# %% [markdown] lang="en"
# # feed_dict: every rule of feeding
#
# `Session.run`'s `feed_dict` replaces tensor values for one run; the docs spend a few sentences
# on it. This page runs each on TF 2.21 in graph mode, then covers what they leave out: how values
# are converted, which mistakes pass silently.
#
# | Key kind | Allowed values | What is checked | Error |
# |---|---|---|---|
# | [A `placeholder`](#a-placeholder-key) | scalar, string, list, numpy array | shape compatible with the declared one; the value converted to the key's dtype by numpy (`astype` for numeric types) | `ValueError: Cannot feed value of shape ...` |
# | [Any other tensor (intermediate result, constant)](#any-other-tensor-overriding-an-intermediate-result) | same | **the shape too** (the docs only promise it for placeholders); the upstream does not run | same; `ValueError: ... may not be fed.` if feeding is prevented |
# | [A name string `'x:0'`](#a-name-string-as-the-key) | same | the name must refer to an existing tensor | `TypeError: Cannot interpret feed_dict key as Tensor` (the docs say `ValueError`) |
# | [A `SparseTensor`](#a-sparsetensor-key) | a `SparseTensorValue`, or an `(indices, values, dense_shape)` tuple | the value is **zipped** with the three components: extra items dropped, missing ones unfed | no `dense_shape`: `InvalidArgumentError: You must feed a value for placeholder tensor 'sp/shape'` |
# | [A nested tuple](#a-nested-tuple-as-the-key) | a nested tuple of the same structure; `iter(stv)` for a `SparseTensor` in it | only the **number of leaves**; lists inside the value are flattened too | `ValueError: Could not flatten dictionary` |
# | [`placeholder_with_default`](#placeholder_with_default) | may be left out | default used when not fed; shape checked when fed | `ValueError: Cannot feed value of shape ...` |
# | [A tensor marked with `Graph.prevent_feeding`](#graphprevent_feeding) | cannot be fed | `graph.is_feedable(t)` | `ValueError: Tensor ... may not be fed.` |
# | [A placeholder the fetch needs but nobody fed](#an-unfed-placeholder) | — | at run time | `InvalidArgumentError: You must feed a value for placeholder tensor 'x'` |
# | [Any key whose value is a `tf.Tensor`](feed-value-conversion.md#the-rows-that-fail) | not allowed | — | `TypeError: The value of a feed cannot be a tf.Tensor object` |
#
# How values are converted (truncation, wrap-around, `None` → `nan`, ...) and what comes back when
# you feed a tensor and also fetch it: [How fed values are converted](feed-value-conversion.md).
# See also [Fetches](session-fetches.md), [Errors reference: feeds](feed-and-runtime-errors.md)
# and [Errors reference: run time](runtime-errors.md).

# %% [markdown] lang="zh"
# ## 准备
#
# 关掉 C++ 日志，切换到 TF1 图模式，固定随机种子。
# 每节都从新的默认图和新会话（`Session`）开始，所以张量名（如 `x:0`）每节都一样。
# %% [markdown] lang="en"
# ## Setup
#
# Silence the C++ logs, switch to TF1 graph mode, fix the seeds. Each section starts from a fresh
# default graph and `Session`, so tensor names such as `x:0` are the same in every section.

# %%
import os

os.environ["TF_CPP_MIN_LOG_LEVEL"] = "3"

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
# ## 文档原文
#
# `tf.compat.v1.Session.run` 文档里关于 `feed_dict` 的全部句子（[原博客](quick-start.md)也原样引用了它们）：
#
# > The optional `feed_dict` argument allows the caller to override the value of tensors in the
# > graph. Each key in `feed_dict` can be one of the following types:
# >
# > - If the key is a `tf.Tensor`, the value may be a Python scalar, string, list, or numpy
# >   ndarray that can be converted to the same `dtype` as that tensor. Additionally, if the key
# >   is a `tf.compat.v1.placeholder`, the shape of the value will be checked for compatibility
# >   with the placeholder.
# > - If the key is a `tf.SparseTensor`, the value should be a `tf.compat.v1.SparseTensorValue`.
# > - If the key is a nested tuple of `Tensor`s or `SparseTensor`s, the value should be a nested
# >   tuple with the same structure that maps to their corresponding values as above.
# >
# > Each value in `feed_dict` must be convertible to a numpy array of the dtype of the
# > corresponding key.
#
# 大意：`feed_dict` 覆盖（override）图中张量的值；键是张量、稀疏张量（`SparseTensor`）或它们的嵌套元组；
# 值要能转换成键的数据类型（`dtype`）；键是占位符时还检查形状。下面每节对应一句。
# %% [markdown] lang="en"
# ## What the docs say
#
# Every sentence about `feed_dict` in the `tf.compat.v1.Session.run` docs ([the blog post](quick-start.md)
# quotes them verbatim):
#
# > The optional `feed_dict` argument allows the caller to override the value of tensors in the
# > graph. Each key in `feed_dict` can be one of the following types:
# >
# > - If the key is a `tf.Tensor`, the value may be a Python scalar, string, list, or numpy
# >   ndarray that can be converted to the same `dtype` as that tensor. Additionally, if the key
# >   is a `tf.compat.v1.placeholder`, the shape of the value will be checked for compatibility
# >   with the placeholder.
# > - If the key is a `tf.SparseTensor`, the value should be a `tf.compat.v1.SparseTensorValue`.
# > - If the key is a nested tuple of `Tensor`s or `SparseTensor`s, the value should be a nested
# >   tuple with the same structure that maps to their corresponding values as above.
# >
# > Each value in `feed_dict` must be convertible to a numpy array of the dtype of the
# > corresponding key.
#
# Each section below takes one of these sentences and runs it.

# %% [markdown] lang="zh"
# ## 键是占位符
#
# 最常见的用法：占位符声明类型和形状，`None` 表示这一维任意长。馈送 Python 列表，取回 `float32` 的 numpy 数组。
# %% [markdown] lang="en"
# ## A placeholder key
#
# The common case: a placeholder declares a dtype and a shape (`None`: any length). Feed a Python
# list, get a `float32` numpy array back.

# %%
sess = fresh_session()
x = tf.compat.v1.placeholder(tf.float32, shape=[None, 3], name="x")
y = tf.multiply(x, 2.0, name="y")

out = sess.run(y, feed_dict={x: [[1, 2, 3], [4, 5, 6]]})
print(type(out).__name__, out.dtype, out.shape)
print(out)
assert out.dtype == np.float32 and out.shape == (2, 3)

# %% [markdown] lang="zh"
# ### 形状检查
#
# 值的形状要与占位符兼容：秩（rank）必须相等，`None` 的维度任意长，其余维度也必须相等。
# 检查在 Python 里、图运行之前，报 `ValueError`，消息给出两个形状。
# %% [markdown] lang="en"
# ### The shape check
#
# The value's shape must be compatible: a `None` dimension accepts any length, the others and the
# rank must match. The check runs in Python, before the graph, and raises `ValueError` naming both
# shapes.

# %%
with expect(ValueError, "shape (2, 2) for Tensor x:0, which has shape (None, 3)"):
    sess.run(y, feed_dict={x: np.zeros((2, 2))})
with expect(ValueError, "Cannot feed value of shape (3,) for Tensor x:0"):
    sess.run(y, feed_dict={x: [1.0, 2.0, 3.0]})

# %% [markdown] lang="zh"
# 不给 `shape` 的占位符形状未知，接受任何形状，什么都不检查：
# %% [markdown] lang="en"
# A placeholder without `shape` has an unknown shape: it accepts any shape, nothing is checked:

# %%
anything = tf.compat.v1.placeholder(tf.float32, name="anything")
print("static shape:", anything.shape)
for value in [1.0, [1.0, 2.0], np.ones((2, 2, 2))]:
    print(np.shape(value), "->", sess.run(anything * 1, feed_dict={anything: value}).shape)

# %% [markdown] lang="zh"
# ### 没有馈送的占位符
#
# 取回依赖的占位符不在 `feed_dict` 里：Python 不检查，图运行后由占位符节点报 `InvalidArgumentError`，
# 消息里有它的名字、类型和形状（`?` 表示未知维度）。
# %% [markdown] lang="en"
# ### An unfed placeholder
#
# When the fetch needs a placeholder missing from `feed_dict`, Python does not notice. The graph
# runs and the placeholder node raises `InvalidArgumentError` with its name, dtype and shape (`?`
# marks an unknown dimension).

# %%
with expect(tf.errors.InvalidArgumentError, "tensor 'x' with dtype float and shape [?,3]"):
    sess.run(y)

# %% [markdown] lang="zh"
# 只有取回用到的占位符才要馈送：`Session.run` 只运行那部分图（剪枝，`pruning`），与 `x` 无关的张量不馈送也能取回：
# %% [markdown] lang="en"
# Only placeholders the fetch needs must be fed: `Session.run` runs just that part of the graph
# (pruning), so a tensor unrelated to `x` needs no feed:

# %%
unrelated = tf.constant(4.0) * 2
print(sess.run(unrelated))

# %% [markdown] lang="zh"
# ## 键是其他张量：覆盖中间结果
#
# 文档第一句说 `feed_dict` 覆盖“图中张量”的值，不只是占位符。馈送中间结果，它的上游就不再运行。
# 下图中 `h = x * 2` 依赖一个给计数器加一的操作：`h` 每真正计算一次，计数器加一。
# %% [markdown] lang="en"
# ## Any other tensor: overriding an intermediate result
#
# The first sentence says `feed_dict` overrides "the value of tensors in the graph", not just
# placeholders. Feed an intermediate result and its upstream no longer runs. Below, `h = x * 2`
# depends on an op that adds one to a counter: every real computation of `h` bumps it.

# %%
sess = fresh_session(sess)
x = tf.compat.v1.placeholder(tf.float32, shape=[None, 3], name="x")
counter = tf.compat.v1.Variable(0, name="counter")
with tf.control_dependencies([counter.assign_add(1)]):
    h = tf.multiply(x, 2.0, name="h")
out = tf.add(h, 1.0, name="out")
sess.run(counter.initializer)

print("feed x:", sess.run(out, feed_dict={x: [[1, 2, 3]]}), "counter =", sess.run(counter))
assert sess.run(counter) == 1

# %% [markdown] lang="zh"
# 现在只馈送 `h`，不馈送 `x`。没有 `InvalidArgumentError`：`x` 没被用到；
# 计数器没变：`h` 的上游（包括控制依赖）都没运行。
# %% [markdown] lang="en"
# Now feed `h`, not `x`. No `InvalidArgumentError`: `x` is never used. The counter does not move:
# nothing upstream of `h` (its control dependency included) runs.

# %%
print("feed h:", sess.run(out, feed_dict={h: [[10, 20, 30]]}), "counter =", sess.run(counter))
assert sess.run(counter) == 1
np.testing.assert_array_equal(sess.run(out, feed_dict={h: [[10, 20, 30]]}), [[11, 21, 31]])

# %% [markdown] lang="zh"
# ### 形状检查不只针对占位符
#
# 文档说“如果键是占位符”才检查形状。实际上 TF 2.21 对**任何**键都按静态形状检查。
# `h` 的静态形状是 `(None, 3)`，两列的值同样被拒绝：
# %% [markdown] lang="en"
# ### The shape check is not only for placeholders
#
# The docs promise a shape check "if the key is a placeholder". TF 2.21 checks **every** key
# against its static shape. `h` is `(None, 3)`, so a two-column value is rejected too:

# %%
print("static shape of h:", h.shape)
with expect(ValueError, "shape (1, 2) for Tensor h:0, which has shape (None, 3)"):
    sess.run(out, feed_dict={h: [[1.0, 2.0]]})

# %% [markdown] lang="zh"
# ### 常量也能馈送
#
# 常量（`tf.constant`）也是图里的张量，同样能被覆盖：
# %% [markdown] lang="en"
# ### Constants can be fed too
#
# A `tf.constant` is a graph tensor too, and a run can override it:

# %%
c = tf.constant(5.0, name="c")
triple = c * 3
print("not fed:", sess.run(triple), "| c fed with 7:", sess.run(triple, feed_dict={c: 7.0}))
assert sess.run(triple, feed_dict={c: 7.0}) == 21.0

# %% [markdown] lang="zh"
# 例外是被标记为不可馈送的张量，见 [`Graph.prevent_feeding`](#graphprevent_feeding)。
# %% [markdown] lang="en"
# The exception: a tensor marked unfeedable, see [`Graph.prevent_feeding`](#graphprevent_feeding).

# %% [markdown] lang="zh"
# ## 键是名字字符串
#
# 键也可以是张量名 `"<操作名>:<输出序号>"`。`Session.run` 用 `graph.as_graph_element` 把它解析成张量，效果一样：
# %% [markdown] lang="en"
# ## A name string as the key
#
# A key can also be a tensor's name, `"<op_name>:<output_index>"`. `Session.run` resolves it with
# `graph.as_graph_element`, and it acts exactly like the tensor:

# %%
sess = fresh_session(sess)
x = tf.compat.v1.placeholder(tf.float32, shape=[None, 3], name="x")
y = tf.multiply(x, 2.0, name="y")
by_name = sess.run(y, feed_dict={"x:0": [[1, 2, 3]]})
by_tensor = sess.run(y, feed_dict={x: [[1, 2, 3]]})
print(by_name)
np.testing.assert_array_equal(by_name, by_tensor)

# %% [markdown] lang="zh"
# 名字必须带输出序号，且必须存在。两种错误都是 `TypeError`，而文档的 Raises 一节说是 `ValueError`：
# %% [markdown] lang="en"
# The name needs its output index and must exist. Both mistakes raise `TypeError`, though the docs'
# Raises section says `ValueError`:

# %%
with expect(TypeError, "The name 'x' refers to an Operation, not a Tensor."):
    sess.run(y, feed_dict={"x": [[1, 2, 3]]})
with expect(TypeError, "The name 'nope:0' refers to a Tensor which does not exist."):
    sess.run(y, feed_dict={"nope:0": [[1, 2, 3]]})

# %% [markdown] lang="zh"
# 其他不能解释成本图张量的键也是 `TypeError`：整数、操作（`Operation`）、别的图里的张量。
# %% [markdown] lang="en"
# Any key that is not a tensor of this graph is a `TypeError`: an integer, an `Operation`, a
# tensor from another graph.

# %%
with expect(TypeError, "Cannot interpret feed_dict key as Tensor: Can not convert a int"):
    sess.run(y, feed_dict={0: [[1, 2, 3]]})
with expect(TypeError, "Can not convert a Operation into a Tensor."):
    sess.run(y, feed_dict={x.op: [[1, 2, 3]]})

other_graph = tf.Graph()
with other_graph.as_default():
    stranger = tf.compat.v1.placeholder(tf.float32, shape=[None, 3], name="x")
with expect(TypeError, "is not an element of this graph."):
    sess.run(y, feed_dict={stranger: [[1, 2, 3]]})

# %% [markdown] lang="zh"
# ## 键是嵌套元组
#
# 键可以是张量的（嵌套）元组，值是同样结构的元组。一个键就能馈送好几个张量：
# %% [markdown] lang="en"
# ## A nested tuple as the key
#
# A key can be a (nested) tuple of tensors, the value a tuple of the same structure. One key then
# feeds several tensors:

# %%
sess = fresh_session(sess)
a = tf.compat.v1.placeholder(tf.float32, shape=[], name="a")
b = tf.compat.v1.placeholder(tf.int32, shape=[], name="b")
c = tf.compat.v1.placeholder(tf.float32, shape=[2], name="c")
total = a + tf.cast(b, tf.float32) + tf.reduce_sum(c)

pairs = (a, (b, c))
result = sess.run(total, feed_dict={pairs: (1.5, (2, np.array([3.0, 4.0])))})
print(result)
assert result == 10.5

# %% [markdown] lang="zh"
# ### 其实只比较叶子的个数
#
# 文档说值要有“同样的结构”。`Session.run` 用 `nest.flatten_dict_items` 把键和值都压平，只比较个数。
# 结构不同、个数相同的值照样被接受：
# %% [markdown] lang="en"
# ### Only the number of leaves is compared
#
# The docs ask for "the same structure". `Session.run` flattens key and value with
# `nest.flatten_dict_items` and only compares leaf counts; another structure with as many leaves
# passes:

# %%
flat_value = (1.5, 2, np.array([3.0, 4.0]))  # not (1.5, (2, ...)): no inner tuple
print(sess.run(total, feed_dict={pairs: flat_value}))

# %% [markdown] lang="zh"
# 个数不同才报错。注意压平时值里的**列表也被展开**，所以元组键的值里，数组要用 numpy 数组，不能用嵌套列表：
# %% [markdown] lang="en"
# Only a different count is an error. Flattening **also opens lists** in the value, so in a tuple
# key's value an array must be a numpy array, not a nested list:

# %%
with expect(ValueError, "Could not flatten dictionary. Key had 3 elements, but value had 2"):
    sess.run(total, feed_dict={pairs: (1.5, 2)})
with expect(ValueError, "Key had 3 elements, but value had 4 elements."):
    sess.run(total, feed_dict={pairs: (1.5, (2, [3.0, 4.0]))})

# %% [markdown] lang="zh"
# 列表不能当键，因为字典的键必须可哈希（hashable）：
# %% [markdown] lang="en"
# A list cannot be a key, because dict keys must be hashable:

# %%
with expect(TypeError, "unhashable type: 'list'"):
    sess.run(total, feed_dict={[a, b, c]: (1.5, 2, np.array([3.0, 4.0]))})

# %% [markdown] lang="zh"
# ## 键是 `SparseTensor`
#
# 要馈送稀疏张量，先用 `tf.compat.v1.sparse_placeholder` 建占位符。它返回的 `SparseTensor` 由三个占位符组成：
# 非零元素的下标 `indices`、值 `values`、稠密形状 `dense_shape`。
# %% [markdown] lang="en"
# ## A `SparseTensor` key
#
# To feed a sparse tensor, make its placeholder with `tf.compat.v1.sparse_placeholder`. It
# returns a `SparseTensor` made of three placeholders: the
# `indices` of the non-zero entries, their `values`, and the `dense_shape`.

# %%
sess = fresh_session(sess)
sp = tf.compat.v1.sparse_placeholder(tf.float32, name="sp")
dense = tf.sparse.to_dense(sp)
for part in (sp.indices, sp.values, sp.dense_shape):
    print(part.name, part.shape, part.dtype.name)

# %% [markdown] lang="zh"
# 文档要求值是 `SparseTensorValue`。普通三元组 `(indices, values, dense_shape)` 也行：值只是和三个分量逐个配对（`zip`）。
# %% [markdown] lang="en"
# The docs ask for a `SparseTensorValue`. A plain tuple `(indices, values, dense_shape)` works too:
# the value is simply zipped with the three components.

# %%
indices = [[0, 0], [1, 2]]
values = [1.0, 2.0]
shape = [2, 3]
from_stv = sess.run(dense, feed_dict={sp: tf.compat.v1.SparseTensorValue(indices, values, shape)})
from_tuple = sess.run(dense, feed_dict={sp: (indices, values, shape)})
print(from_stv)
np.testing.assert_array_equal(from_stv, from_tuple)

# %% [markdown] lang="zh"
# ### 长度不对的元组
#
# `zip` 在较短的一方结束，所以长度不对的元组在 Python 里不报错：
#
# - 两个元素时，`dense_shape` 没被馈送，运行时由占位符 `sp/shape` 报 `InvalidArgumentError`；
# - 四个元素时，第四个被**静默丢弃**。
# %% [markdown] lang="en"
# ### A tuple of the wrong length
#
# `zip` stops at the shorter side, so a tuple of the wrong length is not caught in Python:
#
# - with two items, `dense_shape` is never fed, and its placeholder `sp/shape` raises
#   `InvalidArgumentError` at run time;
# - with four items, the fourth is **silently dropped**.

# %%
with expect(tf.errors.InvalidArgumentError, "placeholder tensor 'sp/shape' with dtype int64"):
    sess.run(dense, feed_dict={sp: (indices, values)})

four = sess.run(dense, feed_dict={sp: (indices, values, shape, "ignored")})
np.testing.assert_array_equal(four, from_stv)
print("4-tuple accepted, result unchanged")

# %% [markdown] lang="zh"
# 给 `sparse_placeholder` 指定 `shape`，`dense_shape` 就变成 `placeholder_with_default`，两个元素的元组能运行，用默认形状。
# 但馈送的 `dense_shape` 不和声明的形状比较：声明 `[2, 3]`、馈送 `[4, 4]`，结果是 4×4，`sp23.shape` 仍是 `(2, 3)`。
# %% [markdown] lang="en"
# Give `sparse_placeholder` a `shape` and its `dense_shape` becomes a `placeholder_with_default`:
# a two-item tuple runs, with the default shape. But a fed `dense_shape` is never compared with the
# declared one: declare `[2, 3]`, feed `[4, 4]`, get 4×4, while `sp23.shape` still says `(2, 3)`.

# %%
sp23 = tf.compat.v1.sparse_placeholder(tf.float32, shape=[2, 3], name="sp23")
dense23 = tf.sparse.to_dense(sp23)
print("dense_shape op:", sp23.dense_shape.op.type)
print("2-tuple:", sess.run(dense23, feed_dict={sp23: (indices, values)}).shape)
bigger = sess.run(dense23, feed_dict={sp23: (indices, values, [4, 4])})
print("static shape of sp23:", sp23.shape, "| fed [4, 4] ->", bigger.shape)
assert bigger.shape == (4, 4) and sp23.shape == (2, 3)

# %% [markdown] lang="zh"
# ### 其他写法
#
# 稠密 numpy 数组不是合法的值。它也被逐行配对：第一行当作 `indices`，报出令人困惑的形状错误。
# %% [markdown] lang="en"
# ### Other values
#
# A dense numpy array is not a valid value. It is zipped row by row too: the first row is taken as
# `indices`, hence a confusing shape error.

# %%
with expect(ValueError, "shape (3,) for Tensor sp/indices:0, which has shape (None, None)"):
    sess.run(dense, feed_dict={sp: np.zeros((2, 3))})

# %% [markdown] lang="zh"
# 文档说嵌套元组键里可以有 `SparseTensor`。键 `(sp,)` 可以，值却不能是 `SparseTensorValue`：
# 压平时 `SparseTensor` 算一个叶子，具名元组（`namedtuple`）却展开成三个（元组、列表也一样）。
# 不会被展开的 `iter(stv)` 可以（只能用一次）：
# %% [markdown] lang="en"
# The docs say a nested tuple key may contain `SparseTensor`s. The key `(sp,)` works, but not a
# `SparseTensorValue` value: flattened, the `SparseTensor` is one leaf, the namedtuple opens into
# three (so do tuples and lists). `iter(stv)`, which is not opened, works (for one run):

# %%
stv = tf.compat.v1.SparseTensorValue(np.array(indices), np.array(values), np.array(shape))
with expect(ValueError, "Key had 1 elements, but value had 3 elements."):
    sess.run(dense, feed_dict={(sp,): (stv,)})

np.testing.assert_array_equal(sess.run(dense, feed_dict={(sp,): (iter(stv),)}), from_stv)
print("{(sp,): (iter(stv),)} works")

# %% [markdown] lang="zh"
# 取回被馈送的 `SparseTensor` 得到 `SparseTensorValue`，即使馈送的是普通元组；各分量已转换成对应类型：
# %% [markdown] lang="en"
# Fetching a fed `SparseTensor` gives a `SparseTensorValue`, even when a plain tuple was fed; each
# component is converted to its dtype:

# %%
fetched = sess.run(sp, feed_dict={sp: (indices, values, shape)})
print(type(fetched).__name__)
print(fetched.indices.dtype, fetched.values.dtype, fetched.dense_shape.dtype)
assert isinstance(fetched, tf.compat.v1.SparseTensorValue)

# %% [markdown] lang="zh"
# ## `placeholder_with_default`
#
# `tf.compat.v1.placeholder_with_default(默认值, shape)` 是可以不馈送的占位符：不馈送时输出默认值。
# `shape` 可以比默认值的形状更宽松。
# %% [markdown] lang="en"
# ## `placeholder_with_default`
#
# `tf.compat.v1.placeholder_with_default(default, shape)` may be left unfed: it then outputs the
# default. `shape` may be looser than the default's.

# %%
sess = fresh_session(sess)
scale = tf.compat.v1.placeholder_with_default([1.0, 2.0], shape=[None], name="scale")
scaled = scale * 10
print("not fed:", sess.run(scaled))
print("fed    :", sess.run(scaled, feed_dict={scale: [5, 6, 7]}))
with expect(ValueError, "shape (1, 1) for Tensor scale:0, which has shape (None,)"):
    sess.run(scaled, feed_dict={scale: [[5.0]]})

# %% [markdown] lang="zh"
# `shape` 必须与默认值兼容，否则建图时就报错：
# %% [markdown] lang="en"
# `shape` must be compatible with the default, or graph construction fails:

# %%
with expect(ValueError, "Dimension 0 in both shapes must be equal, but are 2 and 3."):
    tf.compat.v1.placeholder_with_default([1.0, 2.0], shape=[3])

# %% [markdown] lang="zh"
# 典型用途是训练开关：平时推理不用管它，训练时馈送 `True`。
# %% [markdown] lang="en"
# A typical use is a training switch: inference ignores it, training feeds `True`.

# %%
training = tf.compat.v1.placeholder_with_default(False, shape=[], name="training")
mode = tf.cond(training, lambda: tf.constant("training"), lambda: tf.constant("inference"))
print(sess.run(mode), sess.run(mode, feed_dict={training: True}))

# %% [markdown] lang="zh"
# ## `Graph.prevent_feeding`
#
# 图可以把张量标记为不可馈送，`graph.is_feedable(t)` 查询标记。馈送被标记的张量报 `ValueError`，图不运行。
# %% [markdown] lang="en"
# ## `Graph.prevent_feeding`
#
# A graph can mark a tensor unfeedable; `graph.is_feedable(t)` reads the mark. Feeding a marked
# tensor raises `ValueError`, and the graph does not run.

# %%
sess = fresh_session(sess)
graph = tf.compat.v1.get_default_graph()
p = tf.compat.v1.placeholder(tf.float32, shape=[], name="p")
q = tf.add(p, 1.0, name="q")
graph.prevent_feeding(q)
print("p feedable:", graph.is_feedable(p), "| q feedable:", graph.is_feedable(q))
with expect(ValueError, "Tensor q:0 may not be fed."):
    sess.run(q * 2, feed_dict={q: 10.0})

# %% [markdown] lang="zh"
# 一般不用自己调用：TensorFlow 在 Python 里求出张量的常量值（`tensor_util.constant_value`）定下静态形状后，
# 自动把它标记为不可馈送，免得静态形状失真。例如常量 `dense_shape` 构造的 `SparseTensor`，馈送时卡在 `dense_shape` 上。
# %% [markdown] lang="en"
# You rarely call it yourself: when TensorFlow derives a static shape from a tensor's constant
# value in Python (`tensor_util.constant_value`), it marks that tensor unfeedable, or the static
# shape could turn wrong. A `SparseTensor` built with a constant `dense_shape` fails on it when fed.

# %%
st = tf.sparse.SparseTensor(indices=[[0, 0]], values=[9.0], dense_shape=[2, 2])
print("static shape:", st.shape, "| dense_shape feedable:", graph.is_feedable(st.dense_shape))
with expect(ValueError, "dense_shape:0 may not be fed."):
    sess.run(tf.sparse.to_dense(st), feed_dict={st: ([[1, 1]], [7.0], [2, 2])})

# %% [markdown] lang="zh"
# 只覆盖没被标记的 `indices` 和 `values` 是可以的：
# %% [markdown] lang="en"
# Overriding only `indices` and `values` works, since they are not marked:

# %%
print(sess.run(tf.sparse.to_dense(st), feed_dict={st.indices: [[1, 1]], st.values: [7.0]}))

# %% [markdown] lang="zh"
# ## 同一个张量馈送两次
#
# 字典的键唯一，`{x: 1.0, x: 2.0}` 只留一项。但张量本身和它的名字 `'x:0'` 是两个不同的键。
# 这时不报错，字典里**后出现**的一项生效：
# %% [markdown] lang="en"
# ## Feeding the same tensor twice
#
# Dict keys are unique: `{x: 1.0, x: 2.0}` keeps one entry. But the tensor and its name `'x:0'` are
# two keys. There is no error; the entry **later** in the dict wins:

# %%
sess = fresh_session(sess)
x = tf.compat.v1.placeholder(tf.float32, shape=[], name="x")
y = tf.identity(x, name="y")
print(len({x: 1.0, x: 2.0}), "entry in {x: 1.0, x: 2.0}")  # noqa: F602 -- on purpose
first = sess.run(y, feed_dict={x: 1.0, "x:0": 2.0})
second = sess.run(y, feed_dict={"x:0": 2.0, x: 1.0})
print("{x: 1.0, 'x:0': 2.0} ->", first, "| {'x:0': 2.0, x: 1.0} ->", second)
assert (first, second) == (2.0, 1.0)

# %% [markdown] lang="zh"
# 同时写成单独的键和元组键里的一项，压平时发现重复，报 `ValueError`：
# %% [markdown] lang="en"
# Put it both as a key of its own and inside a tuple key, and flattening notices the duplicate:

# %%
with expect(ValueError, "Cannot flatten dict because this key is not unique"):
    sess.run(y, feed_dict={x: 1.0, (x,): (2.0,)})

# %% [markdown] lang="zh"
# ## 更多：文档没有提到的情况
#
# ### 馈送没有用到的张量
#
# 馈送与取回无关的占位符不报错，值被忽略，但形状和类型照样检查：
# %% [markdown] lang="en"
# ## Going further: cases the docs do not mention
#
# ### Feeding a tensor that is not used
#
# Feeding a placeholder the fetch does not need is no error; the value is ignored. Its shape and
# dtype are still checked:

# %%
sess = fresh_session(sess)
x = tf.compat.v1.placeholder(tf.float32, shape=[2], name="x")
y = tf.multiply(x, 2.0, name="y")
unused = tf.compat.v1.placeholder(tf.float32, shape=[3], name="unused")
print(sess.run(y, feed_dict={x: [1, 2], unused: [0, 0, 0]}))
with expect(ValueError, "shape (2,) for Tensor unused:0, which has shape (3,)"):
    sess.run(y, feed_dict={x: [1, 2], unused: [0, 0]})

# %% [markdown] lang="zh"
# ### 馈送变量
#
# 变量（`tf.Variable`）也能当键，但 TF 2 默认的资源变量（resource variable）解析成创建时那个读取操作的输出
# `v/Read/ReadVariableOp:0`，而 `v * 2` 有自己的读取操作。于是同一次运行里，取回 `v` 得到馈送的 `7.0`，
# `v * 2` 却用真实的 `1.0` 算出 `2.0`，不报错。
# %% [markdown] lang="en"
# ### Feeding a variable
#
# A `tf.Variable` works as a key, but a resource variable (the TF 2 default) resolves to the read
# op made with it, `v/Read/ReadVariableOp:0`, while `v * 2` has its own read op. So in one run,
# fetching `v` gives the fed `7.0`, while `v * 2` computes `2.0` from the real `1.0`. No error.

# %%
sess = fresh_session(sess)
v = tf.compat.v1.Variable(1.0, name="v")
doubled = v * 2
sess.run(v.initializer)
key = sess.graph.as_graph_element(v, allow_tensor=True, allow_operation=False)
print("key resolves to:", key.name, "| v * 2 reads:", doubled.op.inputs[0].name)
v_out, doubled_out = sess.run([v, doubled], feed_dict={v: 7.0})
print("fetch v:", v_out, "| fetch v * 2:", doubled_out)
assert (v_out, doubled_out) == (7.0, 2.0)

# %% [markdown] lang="zh"
# TF1 的引用变量（`use_resource=False`）不同：计算直接读变量的输出，馈送能覆盖它。
# 所以迁移旧代码时，靠馈送变量“临时换权重”的写法会悄悄失效。
# %% [markdown] lang="en"
# TF1's reference variables (`use_resource=False`) differ: computations read the variable's
# output directly, so a feed overrides it. In migrated code, "swapping weights for one run" by
# feeding a variable silently stops working.

# %%
ref_v = tf.compat.v1.Variable(1.0, name="ref_v", use_resource=False)
ref_doubled = ref_v * 2
sess.run(ref_v.initializer)
print("fetch ref_v * 2 with ref_v fed 7:", sess.run(ref_doubled, feed_dict={ref_v: 7.0}))
assert sess.run(ref_doubled, feed_dict={ref_v: 7.0}) == 14.0
sess.close()

# %% [markdown] lang="zh"
# ## 小结
#
# 键的规则见开头的表。表外要记住的：
#
# - 值用 numpy 不安全转换：截断、回绕、`None` → `nan`、`'False'` → `True` 都静默发生；只有单个 Python `int` 检查范围（[馈送值的转换](feed-value-conversion.md)）。
# - 元组键里的 `SparseTensor` 配 `iter(stv)`；元组键的值里用 numpy 数组，不用嵌套列表。
# - 馈送稀疏张量时不检查下标的顺序；乱序的下标要等 `tf.sparse.to_dense` 这类需要有序下标的操作运行时才报错
#   （[演示](runtime-errors.md#sparse-indices-out-of-order)）。
# - 取回被馈送的张量，得到馈送的值本身（可能是同一个对象，[演示](feed-value-conversion.md#既馈送又取回同一个张量)）；馈送资源变量不影响计算。
#
# 接下来：[取回](session-fetches.md)讲取回的结构，[运行选项与运行元数据](session-run-metadata.md)，
# [Session 的其他用法](session-more.md)讲 `make_callable`、`partial_run` 等，
# [迁移到 TF2](tf2-migration.md)讲怎样把 `feed_dict` 改成 TF2 的函数参数，术语见[术语表](glossary.md)。
# %% [markdown] lang="en"
# ## Summary
#
# The rules for keys are in the table at the top. Beyond it:
#
# - Values go through numpy's unsafe casting: truncation, wrap-around, `None` → `nan`, `'False'` →
#   `True` all happen silently; only a single Python `int` is range-checked
#   ([How fed values are converted](feed-value-conversion.md)).
# - A `SparseTensor` in a tuple key takes `iter(stv)`; in a tuple key's value, use numpy arrays,
#   not nested lists.
# - Feeding does not check the order of sparse indices; unsorted indices fail only when an op
#   that needs sorted ones, such as `tf.sparse.to_dense`, runs
#   ([shown here](runtime-errors.md#sparse-indices-out-of-order)).
# - Fetching a fed tensor returns the fed value itself (maybe the very same object,
#   [shown here](feed-value-conversion.md#feeding-a-tensor-and-also-fetching-it)); feeding a
#   resource variable does not affect computations.
#
# Next: [Fetches](session-fetches.md) on the structure of fetches,
# [options and run_metadata](session-run-metadata.md), [More of Session](session-more.md) on
# `make_callable`, `partial_run` and more, [From Session.run to TF2](tf2-migration.md) on turning
# `feed_dict` into TF2 function arguments, and the [Glossary](glossary.md).
