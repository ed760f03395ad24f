# %% [markdown] lang="zh"
# # feed_dict：馈送（`feed`）的全部规则
#
# `Session.run` 的 `feed_dict` 参数用来在一次运行里替换图中张量的值。
# 官方文档只用了几句话描述它。本页把每一句都在 TF 2.21 的图模式（graph mode）下运行一遍，
# 再补上文档没说的部分：值是怎样被转换的、哪些情况会静默出错。
#
# | 键的种类 | 允许的值 | 检查什么 | 出错时 |
# |---|---|---|---|
# | 占位符（`placeholder`） | 标量、字符串、列表、numpy 数组 | 形状要与声明的形状兼容；类型用 numpy 的 `astype` 转换 | `ValueError: Cannot feed value of shape ...` |
# | 其他张量（中间结果、常量） | 同上 | **同样检查形状**（文档只说检查占位符）；上游不再运行 | 同上；被禁止馈送时 `ValueError: ... may not be fed.` |
# | 名字字符串 `'x:0'` | 同上 | 名字必须指向一个存在的张量 | `TypeError: Cannot interpret feed_dict key as Tensor`（文档写的是 `ValueError`） |
# | `SparseTensor` | `SparseTensorValue`，或 `(indices, values, dense_shape)` 元组 | 值与三个分量**逐个配对**：多出的元素被忽略，缺少的分量没有被馈送 | 缺 `dense_shape`：`InvalidArgumentError: You must feed a value for placeholder tensor 'sp/shape'` |
# | 嵌套元组 | 同样结构的嵌套元组 | 只比较**叶子的个数**；值里的列表也会被展开 | `ValueError: Could not flatten dictionary` |
# | `placeholder_with_default` | 可以不馈送 | 不馈送时用默认值；馈送时检查形状 | `ValueError: Cannot feed value of shape ...` |
# | 用 `Graph.prevent_feeding` 标记的张量 | 不能馈送 | `graph.is_feedable(t)` | `ValueError: Tensor ... may not be fed.` |
# | 取回需要、却没有馈送的占位符 | — | 运行时才检查 | `InvalidArgumentError: You must feed a value for placeholder tensor 'x'` |
# | 任何键，值是 `tf.Tensor` | 不允许 | — | `TypeError: The value of a feed cannot be a tf.Tensor object` |
#
# 值的转换是实测出来的，见[值的转换：实测表](#值的转换实测表)。
# 取回（`fetch`）的规则见 [取回](session-fetches.md)，
# 运行时错误的总览见 [错误速查](session-errors.md)。
# %% [markdown] lang="en"
# # feed_dict: every rule of feeding
#
# The `feed_dict` argument of `Session.run` replaces the values of tensors in the graph for one
# run. The official docs describe it in a few sentences. This page runs every one of those
# sentences on TF 2.21 in graph mode, then covers what the docs leave out: how values are
# converted, and which mistakes pass silently.
#
# | Key kind | Allowed values | What is checked | Error |
# |---|---|---|---|
# | A `placeholder` | scalar, string, list, numpy array | shape compatible with the declared shape; dtype converted with numpy's `astype` | `ValueError: Cannot feed value of shape ...` |
# | Any other tensor (intermediate result, constant) | same | **the shape too** (the docs only promise it for placeholders); the upstream does not run | same; `ValueError: ... may not be fed.` if feeding is prevented |
# | A name string `'x:0'` | same | the name must refer to an existing tensor | `TypeError: Cannot interpret feed_dict key as Tensor` (the docs say `ValueError`) |
# | A `SparseTensor` | a `SparseTensorValue`, or an `(indices, values, dense_shape)` tuple | the value is **zipped** with the three components: extra items are dropped, missing components stay unfed | no `dense_shape`: `InvalidArgumentError: You must feed a value for placeholder tensor 'sp/shape'` |
# | A nested tuple | a nested tuple of the same structure | only the **number of leaves**; lists inside the value are flattened too | `ValueError: Could not flatten dictionary` |
# | `placeholder_with_default` | may be left out | default used when not fed; shape checked when fed | `ValueError: Cannot feed value of shape ...` |
# | A tensor marked with `Graph.prevent_feeding` | cannot be fed | `graph.is_feedable(t)` | `ValueError: Tensor ... may not be fed.` |
# | A placeholder the fetch needs but nobody fed | — | at run time | `InvalidArgumentError: You must feed a value for placeholder tensor 'x'` |
# | Any key whose value is a `tf.Tensor` | not allowed | — | `TypeError: The value of a feed cannot be a tf.Tensor object` |
#
# The value conversion rules are measured, see [Value conversion, measured](#value-conversion-measured).
# The rules for `fetches` are on [Fetches](session-fetches.md); an overview of run-time
# errors is on [Errors reference](session-errors.md).

# %% [markdown] lang="zh"
# ## 准备
#
# 关掉 C++ 日志，切换到 TF1 的图模式，固定随机种子。
# 每一节都从一张新的默认图和一个新会话（`Session`）开始，这样张量的名字（如 `x:0`）在每节里都一样。
# %% [markdown] lang="en"
# ## Setup
#
# Silence the C++ logs, switch to TF1 graph mode, fix the seeds. Every section starts from a fresh
# default graph and a fresh `Session`, so tensor names such as `x:0` are the same in every section.

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


print("TensorFlow", tf.__version__, "| numpy", np.__version__)
print("executing eagerly:", tf.executing_eagerly())

# %% [markdown] lang="zh"
# ## 文档原文
#
# `tf.compat.v1.Session.run` 文档里关于 `feed_dict` 的全部句子（种子博客也原样引用了它们）：
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
# 大意：`feed_dict` 可以覆盖（`override`）图中任何张量的值；键可以是张量、稀疏张量（`SparseTensor`）
# 或它们的嵌套元组；值要能转换成键的数据类型（`dtype`）；如果键是占位符，还会检查形状。
# 下面每一节对应其中一句。
# %% [markdown] lang="en"
# ## What the docs say
#
# Every sentence about `feed_dict` in the `tf.compat.v1.Session.run` docs (the seed blog post
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
# 最常见的用法：占位符声明数据类型和形状，`None` 表示这一维任意长。
# 馈送一个 Python 列表，取回的是 `float32` 的 numpy 数组。
# %% [markdown] lang="en"
# ## A placeholder key
#
# The common case: a placeholder declares a dtype and a shape, where `None` means "any length".
# Feed a Python list; what comes back is a `float32` numpy array.

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
# 值的形状必须与占位符的形状兼容：`None` 的维度可以是任何长度，其余维度必须相等，维数（rank）也必须相等。
# 检查发生在 Python 里、图运行之前，报 `ValueError`，消息里同时给出两个形状。
# %% [markdown] lang="en"
# ### The shape check
#
# The value's shape must be compatible with the placeholder's: a `None` dimension accepts any
# length, the others must match, and so must the rank. The check runs in Python, before the graph
# runs, and raises `ValueError` naming both shapes.

# %%
with expect(
    ValueError, "Cannot feed value of shape (2, 2) for Tensor x:0, which has shape (None, 3)"
):
    sess.run(y, feed_dict={x: np.zeros((2, 2))})
with expect(ValueError, "Cannot feed value of shape (3,) for Tensor x:0"):
    sess.run(y, feed_dict={x: [1.0, 2.0, 3.0]})

# %% [markdown] lang="zh"
# 不给 `shape` 的占位符形状完全未知，接受任何形状的值，也就什么都不检查：
# %% [markdown] lang="en"
# A placeholder created without `shape` has a fully unknown shape. It accepts a value of any shape,
# which means nothing is checked:

# %%
anything = tf.compat.v1.placeholder(tf.float32, name="anything")
print("static shape:", anything.shape)
for value in [1.0, [1.0, 2.0], np.ones((2, 2, 2))]:
    print(np.shape(value), "->", sess.run(anything * 1, feed_dict={anything: value}).shape)

# %% [markdown] lang="zh"
# ### 没有馈送的占位符
#
# 取回的结果依赖某个占位符，而 `feed_dict` 里没有它：Python 这一侧不检查，
# 图开始运行后由占位符节点报 `InvalidArgumentError`，消息里有占位符的名字、类型和形状（`?` 表示未知维度）。
# %% [markdown] lang="en"
# ### An unfed placeholder
#
# When the fetch depends on a placeholder that is not in `feed_dict`, Python does not notice. The
# graph starts running and the placeholder node raises `InvalidArgumentError`, naming the
# placeholder, its dtype and its shape (`?` marks an unknown dimension).

# %%
with expect(
    tf.errors.InvalidArgumentError,
    "You must feed a value for placeholder tensor 'x' with dtype float and shape [?,3]",
):
    sess.run(y)

# %% [markdown] lang="zh"
# 只有取回真正用到的占位符才需要馈送。`Session.run` 只运行取回所需的那部分图（剪枝，`pruning`），
# 与 `x` 无关的张量不馈送也能取回：
# %% [markdown] lang="en"
# Only placeholders the fetch really needs must be fed. `Session.run` runs just the part of the
# graph the fetch needs (pruning), so a tensor unrelated to `x` needs no feed:

# %%
unrelated = tf.constant(4.0) * 2
print(sess.run(unrelated))

# %% [markdown] lang="zh"
# ## 键是其他张量：覆盖中间结果
#
# 文档第一句说 `feed_dict` 可以覆盖“图中张量”的值，不只是占位符。
# 馈送一个中间结果，它的上游就不再运行。下面的图里 `h = x * 2`，并且让 `h` 依赖一个计数器加一的操作：
# 每当 `h` 真正被计算，计数器就加一。
# %% [markdown] lang="en"
# ## Any other tensor: overriding an intermediate result
#
# The first sentence says `feed_dict` overrides "the value of tensors in the graph", not just
# placeholders. Feed an intermediate result and its upstream no longer runs. In the graph below,
# `h = x * 2`, and `h` depends on an op that adds one to a counter: every real computation of `h`
# bumps the counter.

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
# 现在只馈送 `h`，不馈送 `x`。没有 `InvalidArgumentError`，说明占位符 `x` 根本没被用到；
# 计数器没变，说明 `h` 的上游（包括它的控制依赖）一个都没运行。
# %% [markdown] lang="en"
# Now feed `h` and not `x`. There is no `InvalidArgumentError`, so the placeholder `x` is never
# used; the counter does not move, so nothing upstream of `h` (its control dependency included)
# runs.

# %%
print("feed h:", sess.run(out, feed_dict={h: [[10, 20, 30]]}), "counter =", sess.run(counter))
assert sess.run(counter) == 1
np.testing.assert_array_equal(sess.run(out, feed_dict={h: [[10, 20, 30]]}), [[11, 21, 31]])

# %% [markdown] lang="zh"
# ### 形状检查不只针对占位符
#
# 文档说“如果键是占位符”才检查形状。实际上 TF 2.21 对**任何**键都用它的静态形状做同样的检查。
# `h` 的静态形状是 `(None, 3)`，馈送两列的值同样被拒绝：
# %% [markdown] lang="en"
# ### The shape check is not only for placeholders
#
# The docs promise a shape check "if the key is a placeholder". TF 2.21 in fact checks **every**
# key against its static shape. `h` has the static shape `(None, 3)`, so a two-column value is
# rejected as well:

# %%
print("static shape of h:", h.shape)
with expect(
    ValueError, "Cannot feed value of shape (1, 2) for Tensor h:0, which has shape (None, 3)"
):
    sess.run(out, feed_dict={h: [[1.0, 2.0]]})

# %% [markdown] lang="zh"
# ### 常量也能馈送
#
# 常量（`tf.constant`）也是图里的张量，同样可以在一次运行里被覆盖：
# %% [markdown] lang="en"
# ### Constants can be fed too
#
# A `tf.constant` is a tensor in the graph as well, and a run can override it:

# %%
c = tf.constant(5.0, name="c")
triple = c * 3
print("not fed:", sess.run(triple), "| c fed with 7:", sess.run(triple, feed_dict={c: 7.0}))
assert sess.run(triple, feed_dict={c: 7.0}) == 21.0

# %% [markdown] lang="zh"
# 例外是那些被标记为“不可馈送”的张量，见下面的
# [`Graph.prevent_feeding`](#graphprevent_feeding) 一节。
# %% [markdown] lang="en"
# The exception is a tensor marked as unfeedable, see
# [`Graph.prevent_feeding`](#graphprevent_feeding) below.

# %% [markdown] lang="zh"
# ## 键是名字字符串
#
# 键也可以是张量的名字，写成 `"<操作名>:<输出序号>"`。`Session.run` 用 `graph.as_graph_element`
# 把它解析成张量，效果和直接用张量一样：
# %% [markdown] lang="en"
# ## A name string as the key
#
# A key can also be a tensor's name, written `"<op_name>:<output_index>"`. `Session.run` resolves
# it with `graph.as_graph_element`, and it then acts exactly like the tensor:

# %%
sess = fresh_session(sess)
x = tf.compat.v1.placeholder(tf.float32, shape=[None, 3], name="x")
y = tf.multiply(x, 2.0, name="y")
by_name = sess.run(y, feed_dict={"x:0": [[1, 2, 3]]})
by_tensor = sess.run(y, feed_dict={x: [[1, 2, 3]]})
print(by_name)
np.testing.assert_array_equal(by_name, by_tensor)

# %% [markdown] lang="zh"
# 名字必须带输出序号，而且必须存在。两种错误都是 `TypeError`，而文档的 Raises 一节说
# 指向不存在张量的键会报 `ValueError`：
# %% [markdown] lang="en"
# The name needs its output index and must exist. Both mistakes raise `TypeError`, while the
# Raises section of the docs says a key that refers to a missing tensor raises `ValueError`:

# %%
with expect(TypeError, "The name 'x' refers to an Operation, not a Tensor."):
    sess.run(y, feed_dict={"x": [[1, 2, 3]]})
with expect(TypeError, "The name 'nope:0' refers to a Tensor which does not exist."):
    sess.run(y, feed_dict={"nope:0": [[1, 2, 3]]})

# %% [markdown] lang="zh"
# 其他不能解释成本图张量的键也都是 `TypeError`：整数、操作（`Operation`）、别的图里的张量。
# %% [markdown] lang="en"
# Any other key that cannot be read as a tensor of this graph is a `TypeError` as well: an
# integer, an `Operation`, a tensor from another graph.

# %%
with expect(
    TypeError, "Cannot interpret feed_dict key as Tensor: Can not convert a int into a Tensor."
):
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
# 键可以是张量的（嵌套）元组，值是同样结构的元组。这样一个键就能同时馈送好几个张量：
# %% [markdown] lang="en"
# ## A nested tuple as the key
#
# A key can be a (nested) tuple of tensors, with a tuple of the same structure as the value. One
# key then feeds several tensors:

# %%
sess = fresh_session(sess)
a = tf.compat.v1.placeholder(tf.float32, shape=[], name="a")
b = tf.compat.v1.placeholder(tf.int32, shape=[], name="b")
c = tf.compat.v1.placeholder(tf.float32, shape=[2], name="c")
total = a + tf.cast(b, tf.float32) + tf.reduce_sum(c)

pairs = (a, (b, c))
print(sess.run(total, feed_dict={pairs: (1.5, (2, np.array([3.0, 4.0])))}))
assert sess.run(total, feed_dict={pairs: (1.5, (2, np.array([3.0, 4.0])))}) == 10.5

# %% [markdown] lang="zh"
# ### 其实只比较叶子的个数
#
# 文档说值要有“同样的结构”。`Session.run` 调用 `nest.flatten_dict_items` 把键和值都压平，
# 然后只比较压平后的个数。结构不同、个数相同的值照样被接受：
# %% [markdown] lang="en"
# ### Only the number of leaves is compared
#
# The docs ask for a value "with the same structure". `Session.run` flattens key and value with
# `nest.flatten_dict_items` and then only compares how many leaves each has. A value with another
# structure but the same number of leaves is accepted:

# %%
flat_value = (1.5, 2, np.array([3.0, 4.0]))  # not (1.5, (2, ...)): no inner tuple
print(sess.run(total, feed_dict={pairs: flat_value}))

# %% [markdown] lang="zh"
# 个数不同才报错。要注意的是：压平时值里的**列表也会被展开**。
# 所以元组键对应的值里不能用嵌套列表表示数组，必须用 numpy 数组：
# %% [markdown] lang="en"
# Only a different count is an error. Note that flattening **also opens lists** inside the value.
# So inside the value of a tuple key, an array cannot be written as a nested list; use a numpy
# array:

# %%
with expect(
    ValueError, "Could not flatten dictionary. Key had 3 elements, but value had 2 elements."
):
    sess.run(total, feed_dict={pairs: (1.5, 2)})
with expect(ValueError, "Key had 3 elements, but value had 4 elements."):
    sess.run(total, feed_dict={pairs: (1.5, (2, [3.0, 4.0]))})

# %% [markdown] lang="zh"
# 列表不能当键，因为字典的键必须可哈希（`hashable`）：
# %% [markdown] lang="en"
# A list cannot be a key, because dict keys must be hashable:

# %%
with expect(TypeError, "unhashable type: 'list'"):
    sess.run(total, feed_dict={[a, b, c]: (1.5, 2, np.array([3.0, 4.0]))})

# %% [markdown] lang="zh"
# ## 键是 `SparseTensor`
#
# `tf.compat.v1.sparse_placeholder` 返回一个 `SparseTensor`，它由三个占位符组成：
# 非零元素的下标 `indices`、非零元素的值 `values`、稠密形状 `dense_shape`。
# %% [markdown] lang="en"
# ## A `SparseTensor` key
#
# `tf.compat.v1.sparse_placeholder` returns a `SparseTensor` made of three placeholders: the
# `indices` of the non-zero entries, their `values`, and the `dense_shape`.

# %%
sess = fresh_session(sess)
sp = tf.compat.v1.sparse_placeholder(tf.float32, name="sp")
dense = tf.sparse.to_dense(sp)
for part in (sp.indices, sp.values, sp.dense_shape):
    print(part.name, part.shape, part.dtype.name)

# %% [markdown] lang="zh"
# 文档要求的值是 `SparseTensorValue`。普通的三元组 `(indices, values, dense_shape)` 也一样可以：
# `Session.run` 只是把值和三个分量逐个配对（`zip`）。
# %% [markdown] lang="en"
# The docs ask for a `SparseTensorValue`. A plain tuple `(indices, values, dense_shape)` works
# just as well: `Session.run` simply zips the value with the three components.

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
# `zip` 在较短的一方结束时停止，所以长度不对的元组不会在 Python 这一侧报错：
#
# - 只有两个元素时，`dense_shape` 没有被馈送，运行时由它的占位符 `sp/shape` 报 `InvalidArgumentError`；
# - 有四个元素时，第四个被**静默丢弃**。
# %% [markdown] lang="en"
# ### A tuple of the wrong length
#
# `zip` stops at the shorter side, so a tuple of the wrong length is not caught in Python:
#
# - with two items, `dense_shape` is never fed, and its placeholder `sp/shape` raises
#   `InvalidArgumentError` at run time;
# - with four items, the fourth is **silently dropped**.

# %%
with expect(
    tf.errors.InvalidArgumentError,
    "You must feed a value for placeholder tensor 'sp/shape' with dtype int64 and shape [?]",
):
    sess.run(dense, feed_dict={sp: (indices, values)})

four = sess.run(dense, feed_dict={sp: (indices, values, shape, "ignored")})
np.testing.assert_array_equal(four, from_stv)
print("4-tuple accepted, result unchanged")

# %% [markdown] lang="zh"
# 给 `sparse_placeholder` 指定 `shape` 时，`dense_shape` 变成带默认值的占位符（`placeholder_with_default`）。
# 这时两个元素的元组能运行，用的是默认形状。
# 但馈送的 `dense_shape` 不会和声明的形状比较：声明 `[2, 3]`、馈送 `[4, 4]`，得到的是 4×4 的结果，
# 而 `sp23.shape` 仍然说是 `(2, 3)`。
# %% [markdown] lang="en"
# Give `sparse_placeholder` a `shape` and its `dense_shape` becomes a `placeholder_with_default`.
# A two-item tuple then runs, with the default shape. But a fed `dense_shape` is never compared
# with the declared shape: declare `[2, 3]`, feed `[4, 4]`, and the result is 4×4 while
# `sp23.shape` still says `(2, 3)`.

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
# 稠密的 numpy 数组不是合法的值。它也会被逐行配对：第一行被当作 `indices`，于是报出一个令人困惑的形状错误。
# %% [markdown] lang="en"
# ### Other values
#
# A dense numpy array is not a valid value. It gets zipped row by row too: the first row is taken
# as `indices`, hence a confusing shape error.

# %%
with expect(
    ValueError,
    "Cannot feed value of shape (3,) for Tensor sp/indices:0, which has shape (None, None)",
):
    sess.run(dense, feed_dict={sp: np.zeros((2, 3))})

# %% [markdown] lang="zh"
# 文档说嵌套元组键里也可以有 `SparseTensor`。实测不行：压平时 `SparseTensor` 算一个叶子，
# 而 `SparseTensorValue` 是具名元组（`namedtuple`），被展开成三个叶子。
# 变通办法是把三个分量直接写进元组键：
# %% [markdown] lang="en"
# The docs say a nested tuple key may contain `SparseTensor`s. In practice it cannot: when
# flattening, the `SparseTensor` counts as one leaf, while the `SparseTensorValue` is a namedtuple
# and opens into three. The workaround is to put the three components in the tuple key yourself:

# %%
stv = tf.compat.v1.SparseTensorValue(np.array(indices), np.array(values), np.array(shape))
with expect(ValueError, "Key had 1 elements, but value had 3 elements."):
    sess.run(dense, feed_dict={(sp,): (stv,)})

components = (sp.indices, sp.values, sp.dense_shape)
np.testing.assert_array_equal(sess.run(dense, feed_dict={components: stv}), from_stv)
print("components as a tuple key: works")

# %% [markdown] lang="zh"
# 取回一个被馈送的 `SparseTensor`，得到的是 `SparseTensorValue`，即使馈送的是普通元组；
# 各分量已转换成对应的数据类型：
# %% [markdown] lang="en"
# Fetching a `SparseTensor` that was fed gives a `SparseTensorValue`, even when a plain tuple was
# fed; each component has been converted to its dtype:

# %%
fetched = sess.run(sp, feed_dict={sp: (indices, values, shape)})
print(type(fetched).__name__)
print(fetched.indices.dtype, fetched.values.dtype, fetched.dense_shape.dtype)
assert isinstance(fetched, tf.compat.v1.SparseTensorValue)

# %% [markdown] lang="zh"
# ## `placeholder_with_default`
#
# `tf.compat.v1.placeholder_with_default(默认值, shape)` 是一个可以不馈送的占位符：
# 不馈送时输出默认值，馈送时输出馈送的值。`shape` 可以比默认值的形状更宽松。
# %% [markdown] lang="en"
# ## `placeholder_with_default`
#
# `tf.compat.v1.placeholder_with_default(default, shape)` is a placeholder you may leave out: it
# outputs the default when not fed and the fed value otherwise. `shape` may be looser than the
# default's shape.

# %%
sess = fresh_session(sess)
scale = tf.compat.v1.placeholder_with_default([1.0, 2.0], shape=[None], name="scale")
scaled = scale * 10
print("not fed:", sess.run(scaled))
print("fed    :", sess.run(scaled, feed_dict={scale: [5, 6, 7]}))
with expect(
    ValueError, "Cannot feed value of shape (1, 1) for Tensor scale:0, which has shape (None,)"
):
    sess.run(scaled, feed_dict={scale: [[5.0]]})

# %% [markdown] lang="zh"
# `shape` 必须与默认值兼容，否则在建图时就报错：
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
# 图可以把某个张量标记为不可馈送。`graph.is_feedable(t)` 查询这个标记；
# 馈送被标记的张量会报 `ValueError`，图不会运行。
# %% [markdown] lang="en"
# ## `Graph.prevent_feeding`
#
# A graph can mark a tensor as unfeedable. `graph.is_feedable(t)` reads the mark; feeding a marked
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
# 一般不用自己调用它。TensorFlow 在 Python 里求出某个张量的常量值（`tensor_util.constant_value`）
# 并据此决定静态形状之后，会自动把这个张量标记为不可馈送，因为改掉它就会让静态形状失真。
# 例如用常量 `dense_shape` 构造的 `SparseTensor`：馈送它时，卡在 `dense_shape` 上。
# %% [markdown] lang="en"
# You rarely call it yourself. When TensorFlow computes a tensor's constant value in Python
# (`tensor_util.constant_value`) and derives a static shape from it, it marks that tensor
# unfeedable, since a new value would make the static shape wrong. Example: a `SparseTensor`
# built with a constant `dense_shape`. Feeding it fails on the `dense_shape`.

# %%
st = tf.sparse.SparseTensor(indices=[[0, 0]], values=[9.0], dense_shape=[2, 2])
print("static shape:", st.shape, "| dense_shape feedable:", graph.is_feedable(st.dense_shape))
with expect(ValueError, "dense_shape:0 may not be fed."):
    sess.run(tf.sparse.to_dense(st), feed_dict={st: ([[1, 1]], [7.0], [2, 2])})

# %% [markdown] lang="zh"
# 只覆盖 `indices` 和 `values` 是可以的，因为它们没有被标记：
# %% [markdown] lang="en"
# Overriding only `indices` and `values` works, since they are not marked:

# %%
print(sess.run(tf.sparse.to_dense(st), feed_dict={st.indices: [[1, 1]], st.values: [7.0]}))

# %% [markdown] lang="zh"
# ## 值的转换：实测表
#
# 文档说值要“能转换成键的数据类型”。除了拒绝 `tf.Tensor`（见本节最后），`Session.run` 的源码对每个值只做两件事：
#
# 1. 如果值是 Python `int`（`bool` 也是 `int`），先检查它转换成目标类型后是否不变，变了就报 `TypeError`；
# 2. 用 numpy 转换：数值类型是 `np.asarray(value).astype(dtype)`，其他类型（`bool`、字符串）是
#    `np.asarray(value, dtype=dtype)`。`astype` 默认是不安全转换（`casting="unsafe"`）：会截断、会溢出回绕。
#
# 然后字符串和对象数组交给 C++ 运行时，在那里还可能再失败。
# 下面这一格把每个值馈送给对应类型的占位符，再取回一个**用到它**的张量（`tf.identity`），
# 记录结果、numpy 发出的警告，或者异常的类型和消息。循环里的 `try/except` 只是为了把每种结局都打印出来。
# %% [markdown] lang="en"
# ## Value conversion, measured
#
# The docs say a value must be "convertible to" the key's dtype. Apart from rejecting `tf.Tensor`
# values (see the end of this section), the `Session.run` source does just two things with each
# value:
#
# 1. if the value is a Python `int` (a `bool` is an `int` too), check that converting it to the
#    target type leaves it unchanged, else raise `TypeError`;
# 2. convert with numpy: `np.asarray(value).astype(dtype)` for numeric types,
#    `np.asarray(value, dtype=dtype)` for the others (`bool`, strings). `astype` casts unsafely by
#    default (`casting="unsafe"`): it truncates and wraps around.
#
# Strings and object arrays then go to the C++ runtime, which can still fail on them. The cell
# below feeds each value into a placeholder of the given dtype, fetches a tensor that **uses** it
# (`tf.identity`), and records the result, any numpy warning, or the exception's type and message.
# The `try/except` in the loop only serves to print every outcome.

# %%
sess = fresh_session(sess)
DTYPES = [tf.float32, tf.int32, tf.int8, tf.uint8, tf.int64, tf.bool, tf.string]
placeholders = {dt: tf.compat.v1.placeholder(dt, name=dt.name) for dt in DTYPES}
consumers = {dt: tf.identity(p) for dt, p in placeholders.items()}
dtype_by_name = {dt.name: dt for dt in DTYPES}

CASES = [  # (value as source code, placeholder dtype)
    ("np.array([0.1, 1e40])", "float32"),
    ("np.array([0.1], np.float16)", "float32"),
    ("1e40", "float32"),
    ("1+2j", "float32"),
    ("True", "float32"),
    ("'3.5'", "float32"),
    ("'abc'", "float32"),
    ("None", "float32"),
    ("{'a': 1}", "float32"),
    ("[[1, 2], [3]]", "float32"),
    ("np.array([1, 2.5], dtype=object)", "float32"),
    ("np.array([1, 'x'], dtype=object)", "float32"),
    ("1.7", "int32"),
    ("[1.5, -2.7]", "int32"),
    ("float('nan')", "int32"),
    ("1e10", "int32"),
    ("'7'", "int32"),
    ("None", "int32"),
    ("2**31", "int32"),
    ("[2**31]", "int32"),
    ("np.int64(2**31)", "int32"),
    ("300", "int8"),
    ("[300]", "int8"),
    ("-1", "uint8"),
    ("[-1]", "uint8"),
    ("2**63", "int64"),
    ("2**64", "int64"),
    ("1", "bool"),
    ("2", "bool"),
    ("np.int64(2)", "bool"),
    ("0.5", "bool"),
    ("'False'", "bool"),
    ("''", "bool"),
    ("'héllo'", "string"),
    ("b'abc'", "string"),
    ("['a', 'bc']", "string"),
    ("3", "string"),
    ("1.5", "string"),
    ("None", "string"),
    ("[['a', 'b'], ['c']]", "string"),
]


def short_message(err):
    """First meaningful line of an exception message, cut to 42 characters."""
    lines = [line for line in str(err).splitlines() if line.strip()]
    lines = [line for line in lines if line != "Graph execution error:"]
    return lines[0][:42]


def feed_outcome(source, dtype_name):
    dtype = dtype_by_name[dtype_name]
    value = eval(source)  # the case is written as source code so the table can show it
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            result = sess.run(consumers[dtype], feed_dict={placeholders[dtype]: value})
        except Exception as err:  # recorded and printed, never hidden
            outcome = f"{type(err).__name__}: {short_message(err)}"
        else:
            if isinstance(result, bytes):  # a scalar tf.string comes back as bytes
                outcome = f"ok bytes: {result!r}"
            else:
                outcome = f"ok {result.dtype}: {result}"
    return outcome, ", ".join(w.category.__name__ for w in caught)


print(f"{'value':34} {'into':8} {'outcome':56} numpy warning")
for source, dtype_name in CASES:
    outcome, warned = feed_outcome(source, dtype_name)
    print(f"{source:34} {dtype_name:8} {outcome:56} {warned}".rstrip())

# %% [markdown] lang="zh"
# 表里“ok”的行都是**静默**发生的。值得记住的几条：
#
# - 浮点数馈送给整数占位符会被截断（`1.7` → `1`，`-2.7` → `-2`），不报错也不警告。
# - 只有**单个 Python `int`** 会检查范围。同样的数放进列表（`[2**31]`），或者是 numpy 整数
#   （`np.int64(2**31)`），就静默回绕成 `-2147483648`。
# - `None` 馈送给 `float32` 变成 `nan`；字符串 `'3.5'`、`'7'` 会被解析成数字。
# - 馈送给 `bool` 时，非空字符串都是 `True`，包括 `'False'`。Python 的 `2` 报错，而 `np.int64(2)` 和 `0.5` 都变成 `True`。
# - 复数丢掉虚部、`1e40` 变成 `inf`、`nan` 变成最小的整数：numpy 会发出警告
#   （`ComplexWarning`、`RuntimeWarning`），但它们只是 Python 警告，运行照常继续。
# - Python 字符串用 UTF-8 编码，取回的是 `bytes`。
# %% [markdown] lang="en"
# Every "ok" row happens **silently**. The ones worth remembering:
#
# - A float fed into an integer placeholder is truncated (`1.7` → `1`, `-2.7` → `-2`), with no
#   error and no warning.
# - Only a **single Python `int`** is range-checked. The same number inside a list (`[2**31]`) or
#   as a numpy integer (`np.int64(2**31)`) silently wraps around to `-2147483648`.
# - `None` fed into `float32` becomes `nan`; the strings `'3.5'` and `'7'` are parsed as numbers.
# - Fed into `bool`, every non-empty string is `True`, `'False'` included. The Python `2` is an
#   error, while `np.int64(2)` and `0.5` both become `True`.
# - A complex number loses its imaginary part, `1e40` becomes `inf`, `nan` becomes the smallest
#   integer: numpy warns (`ComplexWarning`, `RuntimeWarning`), but these are Python warnings only
#   and the run goes on.
# - Python strings are encoded as UTF-8; they come back as `bytes`.

# %%
np.testing.assert_array_equal(
    sess.run(consumers[tf.int32], {placeholders[tf.int32]: [1.5, -2.7]}), [1, -2]
)
assert sess.run(consumers[tf.int32], {placeholders[tf.int32]: [2**31]})[0] == -(2**31)
assert np.isnan(sess.run(consumers[tf.float32], {placeholders[tf.float32]: None}))
assert sess.run(consumers[tf.bool], {placeholders[tf.bool]: "False"}) is np.True_
assert sess.run(consumers[tf.string], {placeholders[tf.string]: "héllo"}) == "héllo".encode()

# %% [markdown] lang="zh"
# ### 报错的那些行
#
# 表中每一种错误在这里再用 `expect` 演示一次。第一类来自范围检查：
# 单个 Python `int` 装不进目标类型。消息建议“换一个更大的类型（例如 int64）”，
# 即使目标已经是 `int64`。超出 64 位的整数则在 numpy 里就溢出了。
# %% [markdown] lang="en"
# ### The rows that fail
#
# Each kind of error in the table is demonstrated once more with `expect`. The first kind comes
# from the range check: a single Python `int` that does not fit. The message suggests "a larger
# type (e.g. int64)", even when the target already is `int64`. An integer beyond 64 bits already
# overflows inside numpy.


# %%
def feed(dtype_name, value):
    dtype = dtype_by_name[dtype_name]
    return sess.run(consumers[dtype], feed_dict={placeholders[dtype]: value})


with expect(
    TypeError,
    "Type of feed value 2147483648 with type <class 'int'> is not compatible with Tensor type <class 'numpy.int32'>",
):
    feed("int32", 2**31)
with expect(TypeError, "Type of feed value 300 with type <class 'int'> is not compatible"):
    feed("int8", 300)
with expect(TypeError, "Type of feed value -1 with type <class 'int'> is not compatible"):
    feed("uint8", -1)
with expect(
    TypeError,
    "is not compatible with Tensor type <class 'numpy.int64'>. Try explicitly setting the type of the feed tensor to a larger type (e.g. int64).",
):
    feed("int64", 2**63)
with expect(OverflowError, "Python int too large to convert to C long"):
    feed("int64", 2**64)

# %% [markdown] lang="zh"
# 同一个范围检查也作用于 `bool` 和字符串占位符：`2` 转成 `bool` 是 `True`，不等于 `2`；
# `3` 转成字符串是 `'3'`，也不等于 `3`。所以这两个错误的消息同样说“类型不兼容”：
# %% [markdown] lang="en"
# The same range check applies to `bool` and string placeholders: `2` converted to `bool` is
# `True`, which is not `2`; `3` converted to a string is `'3'`, which is not `3` either. Hence the
# same "not compatible" message:

# %%
with expect(
    TypeError,
    "Type of feed value 2 with type <class 'int'> is not compatible with Tensor type <class 'numpy.bool'>",
):
    feed("bool", 2)
with expect(
    TypeError,
    "Type of feed value 3 with type <class 'int'> is not compatible with Tensor type <class 'object'>",
):
    feed("string", 3)

# %% [markdown] lang="zh"
# 第二类来自 numpy 的转换：字符串解析不成数字、`None` 或字典转不成数字、长短不一的嵌套列表
# 构不成数组（对象数组里的字符串也一样）。
# %% [markdown] lang="en"
# The second kind comes from numpy's conversion: a string that does not parse as a number, `None`
# or a dict that is not a number, a nested list of ragged lengths that is not an array (and the
# same for a string inside an object array).

# %%
with expect(ValueError, "could not convert string to float: np.str_('abc')"):
    feed("float32", "abc")
with expect(ValueError, "could not convert string to float: 'x'"):
    feed("float32", np.array([1, "x"], dtype=object))
with expect(
    TypeError,
    "int() argument must be a string, a bytes-like object or a real number, not 'NoneType'",
):
    feed("int32", None)
with expect(TypeError, "float() argument must be a string or a real number, not 'dict'"):
    feed("float32", {"a": 1})
with expect(
    ValueError,
    "setting an array element with a sequence. The requested array has an inhomogeneous shape",
):
    feed("float32", [[1, 2], [3]])

# %% [markdown] lang="zh"
# 第三类发生在 C++ 运行时：字符串占位符的数据类型在 numpy 里是 `object`，
# 所以任何东西都能变成对象数组；直到图运行、要把它变成 TF 字符串张量时才失败，报 `InternalError`。
# %% [markdown] lang="en"
# The third kind happens in the C++ runtime. A string placeholder's numpy dtype is `object`, so
# anything becomes an object array; it only fails when the graph runs and the array must become a
# TF string tensor, with `InternalError`.

# %%
print("numpy dtype of tf.string:", tf.string.as_numpy_dtype)
with expect(tf.errors.InternalError, "Unsupported object type float"):
    feed("string", 1.5)
with expect(tf.errors.InternalError, "Unsupported object type NoneType"):
    feed("string", None)
with expect(tf.errors.InternalError, "Unsupported object type list"):
    feed("string", [["a", "b"], ["c"]])

# %% [markdown] lang="zh"
# 最后，值不能是 `tf.Tensor`。要把一个张量的结果送进另一个张量，先用 `sess.run` 取回它的值：
# %% [markdown] lang="en"
# Finally, a value cannot be a `tf.Tensor`. To send one tensor's result into another, fetch it
# with `sess.run` first:

# %%
with expect(TypeError, "The value of a feed cannot be a tf.Tensor object."):
    feed("float32", tf.constant(1.0))
print(feed("float32", sess.run(tf.constant(1.0))))

# %% [markdown] lang="zh"
# ## 同一个张量馈送两次
#
# 字典的键唯一，`{x: 1.0, x: 2.0}` 只会留下一项。但同一个张量可以用不同的键出现两次：
# 张量本身和它的名字 `'x:0'` 是两个不同的键。这时不报错，字典里**后出现**的那一项生效：
# %% [markdown] lang="en"
# ## Feeding the same tensor twice
#
# Dict keys are unique: `{x: 1.0, x: 2.0}` keeps one entry. But one tensor can still appear under
# two keys: the tensor itself and its name `'x:0'` are different keys. There is no error, and the
# entry that comes **later** in the dict wins:

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
# 而把它同时写成单独的键和元组键里的一项，压平时会发现重复，报 `ValueError`：
# %% [markdown] lang="en"
# Put it both as a key of its own and inside a tuple key, and flattening notices the duplicate:

# %%
with expect(ValueError, "Cannot flatten dict because this key is not unique"):
    sess.run(y, feed_dict={x: 1.0, (x,): (2.0,)})

# %% [markdown] lang="zh"
# ## 既馈送又取回同一个张量
#
# 如果取回的张量正好被馈送了，`Session.run` 直接把**馈送的值**（已转换成张量的类型）放进结果，
# 不去计算它。下面 `x` 馈送的是 Python 列表，取回的是 `float32` 数组；`y` 照常计算。
# %% [markdown] lang="en"
# ## Feeding a tensor and also fetching it
#
# When a fetched tensor is also fed, `Session.run` puts **the fed value** (converted to the
# tensor's dtype) into the result without computing anything for it. Below, `x` is fed a Python
# list and comes back as a `float32` array; `y` is computed as usual.

# %%
sess = fresh_session(sess)
x = tf.compat.v1.placeholder(tf.float32, shape=[2], name="x")
y = tf.multiply(x, 2.0, name="y")
x_out, y_out = sess.run([x, y], feed_dict={x: [1, 2]})
print(type(x_out).__name__, x_out.dtype, x_out, "|", y_out)

# %% [markdown] lang="zh"
# 馈送的数组不需要转换时，取回的就是**同一个对象**。修改取回的结果，就改了你自己的输入数组：
# %% [markdown] lang="en"
# When the fed array needs no conversion, the fetch returns **the very same object**. Changing the
# result changes your own input array:

# %%
mine = np.array([1.0, 2.0], dtype=np.float32)
back = sess.run(x, feed_dict={x: mine})
print("same object:", back is mine)
back[0] = 100.0
print("my array after editing the result:", mine)
assert back is mine and mine[0] == 100.0

as_float64 = np.array([1.0, 2.0])
print("float64 input -> same object:", sess.run(x, feed_dict={x: as_float64}) is as_float64)

# %% [markdown] lang="zh"
# 只取回被馈送的张量时，图根本不运行，所以运行时的检查也不会发生。
# 字符串占位符馈送 `1.5`：直接取回它没有问题，取回用到它的张量才报 `InternalError`。
# %% [markdown] lang="en"
# When only fed tensors are fetched, the graph does not run at all, so no run-time check happens.
# Feed `1.5` into a string placeholder: fetching the placeholder itself works, fetching a tensor
# that uses it raises `InternalError`.

# %%
s = tf.compat.v1.placeholder(tf.string, shape=[], name="s")
print(repr(sess.run(s, feed_dict={s: 1.5})))
with expect(tf.errors.InternalError, "Unsupported object type float"):
    sess.run(tf.strings.length(s), feed_dict={s: 1.5})

# %% [markdown] lang="zh"
# ## 更多：文档没有提到的情况
#
# ### 馈送没有用到的张量
#
# 馈送一个与取回无关的占位符不会报错，值被忽略。但它的形状和类型照样被检查：
# %% [markdown] lang="en"
# ## Going further: cases the docs do not mention
#
# ### Feeding a tensor that is not used
#
# Feeding a placeholder the fetch does not need is no error, and the value is ignored. Its shape
# and dtype are still checked:

# %%
unused = tf.compat.v1.placeholder(tf.float32, shape=[3], name="unused")
print(sess.run(y, feed_dict={x: [1, 2], unused: [0, 0, 0]}))
with expect(
    ValueError, "Cannot feed value of shape (2,) for Tensor unused:0, which has shape (3,)"
):
    sess.run(y, feed_dict={x: [1, 2], unused: [0, 0]})

# %% [markdown] lang="zh"
# ### 馈送变量
#
# 变量（`tf.Variable`）也能当键，但 TF 2 默认的资源变量（resource variable）把它解析成创建变量时
# 那个读取操作的输出 `v/Read/ReadVariableOp:0`。而 `v * 2` 这样的计算会新建自己的读取操作。
# 结果在同一次运行里：取回 `v` 得到馈送的 `7.0`，`v * 2` 却用真实的 `1.0` 算出 `2.0`。没有任何报错。
# %% [markdown] lang="en"
# ### Feeding a variable
#
# A `tf.Variable` works as a key, but a resource variable (the TF 2 default) resolves to the
# output of the read op created with the variable, `v/Read/ReadVariableOp:0`. A computation such
# as `v * 2` creates its own read op. So in one and the same run, fetching `v` gives the fed `7.0`
# while `v * 2` is computed from the real `1.0` as `2.0`. No error anywhere.

# %%
sess = fresh_session(sess)
v = tf.compat.v1.Variable(1.0, name="v")
doubled = v * 2
sess.run(v.initializer)
print(
    "key resolves to:",
    sess.graph.as_graph_element(v, allow_tensor=True, allow_operation=False).name,
)
print("doubled reads:", doubled.op.inputs[0].name)
v_out, doubled_out = sess.run([v, doubled], feed_dict={v: 7.0})
print("fetch v:", v_out, "| fetch v * 2:", doubled_out)
assert (v_out, doubled_out) == (7.0, 2.0)

# %% [markdown] lang="zh"
# TF1 时代的引用变量（`use_resource=False`）没有这个问题：计算直接读变量的输出，馈送就能覆盖它。
# 迁移旧代码时，靠馈送变量来“临时换权重”的写法会悄悄失效。
# %% [markdown] lang="en"
# TF1's reference variables (`use_resource=False`) behave differently: computations read the
# variable's output directly, so a feed overrides it. When old code is migrated, a trick that
# "swaps weights for one run" by feeding a variable silently stops working.

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
# - `feed_dict` 能覆盖图中任何张量，不只是占位符；被覆盖的张量的上游不再运行。
# - 形状检查作用于所有键（不只是占位符），在图运行前发生，报 `ValueError`。
# - 没有馈送的占位符要等到运行时才报 `InvalidArgumentError`，并且只在取回真正用到它时。
# - 名字键必须写成 `'op:0'`；错误的键都是 `TypeError`（文档说是 `ValueError`）。
# - `SparseTensor` 的值与三个分量逐个配对：长度不对的元组不会在 Python 里报错；嵌套元组键里不能放 `SparseTensor`。
# - 元组键只比较叶子个数，值里的列表也会被展开，用 numpy 数组。
# - 值的类型转换是 numpy 的不安全转换：截断、回绕、`None` → `nan`、`'False'` → `True` 都静默发生；
#   只有单个 Python `int` 做范围检查。
# - 取回被馈送的张量返回馈送的值本身（可能是同一个对象）；馈送资源变量对计算没有影响。
#
# 接下来：[取回](session-fetches.md) 讲取回的结构，
# [运行选项与运行元数据](session-run-metadata.md) 讲 `options` 和 `run_metadata`，
# [Session 的其他用法](session-more.md) 讲 `make_callable` 和 `partial_run` 等，
# [迁移到 TF2](tf2-migration.md) 讲如何把 `feed_dict` 改写成 TF2 的函数参数，
# 术语见 [术语表](glossary.md)。
# %% [markdown] lang="en"
# ## Summary
#
# - `feed_dict` overrides any tensor in the graph, not just placeholders; the upstream of a fed
#   tensor does not run.
# - The shape check applies to every key (not only placeholders), before the graph runs, with
#   `ValueError`.
# - An unfed placeholder only fails at run time, with `InvalidArgumentError`, and only if the
#   fetch really needs it.
# - A name key must be written `'op:0'`; a bad key is a `TypeError` (the docs say `ValueError`).
# - A `SparseTensor` value is zipped with the three components: a tuple of the wrong length is
#   not caught in Python; a nested tuple key cannot hold a `SparseTensor`.
# - A tuple key only compares leaf counts, and lists inside the value get flattened: use numpy
#   arrays.
# - Values are converted with numpy's unsafe casting: truncation, wrap-around, `None` → `nan`,
#   `'False'` → `True` all happen silently; only a single Python `int` is range-checked.
# - Fetching a fed tensor returns the fed value itself (possibly the very same object); feeding a
#   resource variable does not affect computations.
#
# Next: [Fetches](session-fetches.md) covers the structure of fetches,
# [options and run_metadata](session-run-metadata.md) covers `options` and `run_metadata`,
# [More of Session](session-more.md) covers `make_callable`, `partial_run` and more,
# [From Session.run to TF2](tf2-migration.md) shows how `feed_dict` becomes TF2 function arguments, and
# [Glossary](glossary.md) lists the terms.
