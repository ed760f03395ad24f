# %% [markdown] lang="zh"
# # 取回（`fetch`）：`Session.run` 到底还给你什么
#
# `tf.compat.v1.Session.run(fetches)` 的第一个参数叫取回（`fetch`）。官方文档用几句话说明可以取回
# 哪些东西、各自返回什么。本页把这几句话逐句放到 TensorFlow 2.21 的图模式（graph mode）里运行，
# 打印每个返回值的 Python 类型，并用 `assert` 钉住。文档没写、或者写得不对的地方，也一并列出来。
#
# | 取回的东西 | 返回什么 | Python 类型 |
# |---|---|---|
# | [`tf.Operation`（对象，或名字如 `'init'`）](#操作返回-none) | `None`，但操作确实运行了 | `NoneType` |
# | [标量 `tf.Tensor`](#张量标量不是-ndarray) | 一个数 | **numpy 标量**，如 `numpy.float32`，不是文档说的 `ndarray` |
# | [非标量 `tf.Tensor`](#张量标量不是-ndarray) | 数组 | `numpy.ndarray` |
# | [字符串标量](#字符串张量返回-bytes) | UTF-8 字节串 | `bytes` |
# | [字符串向量](#字符串张量返回-bytes) | 元素为 `bytes` 的数组 | `numpy.ndarray`，`dtype=object` |
# | [张量名 `'b:0'`](#用名字取回) | 和张量对象一样 | 同上 |
# | [操作名 `'b'`（少了 `:0`）](#用名字取回) | `None` | `NoneType` |
# | [自己起的名字 `'logits:0'`](#stable-names)（`tf.identity`） | 和张量一样；重名时悄悄变成 `logits_1` | 同上 |
# | [`tf.SparseTensor`](#稀疏张量) | `SparseTensorValue(indices, values, dense_shape)` | `tf.compat.v1.SparseTensorValue`（一个 namedtuple） |
# | [`tf.IndexedSlices`（文档没提）](#稀疏张量) | `IndexedSlicesValue` | `IndexedSlicesValue` |
# | [`tf.RaggedTensor`（文档没提）](#稀疏张量) | `RaggedTensorValue` | `tf.compat.v1.ragged.RaggedTensorValue` |
# | [`get_session_handle` 的结果](fetch-order-handles.md#会话句柄) | 句柄（handle）对象，**不是**文档说的 `ndarray` | `TensorHandle` |
# | [变量（`tf.Variable`）对象](#变量) | 变量当前的值 | numpy 标量或 `ndarray` |
# | [Keras 3 的权重 `layer.kernel`](keras3-vs-tf-keras.md#weights) | `TypeError`；取回 `.value` | — |
# | [资源变量（resource variable）的名字 `'v:0'`](#变量) | 变量**句柄**，不是值 | 结构化 `ndarray`，`dtype=[('resource', 'u1', (1,))]` |
# | [被馈送（`feed`）的张量](fetch-order-handles.md#被馈送的张量) | 你馈送进去的那个值本身 | 馈送标量时是 0 维 `ndarray` |
# | [`list` / `tuple` / namedtuple / `dict` / `OrderedDict` 及其嵌套](#嵌套结构) | 同样的结构，叶子换成值 | 同样的容器类型 |
# | [`list` 的子类（文档没提）](#嵌套结构) | 同样的元素 | 普通 `list` |
# | [普通 `tuple` 的子类、`set`、`dataclass`（文档没提）](#嵌套结构) | `TypeError`；`tuple` 子类要等计算**完成后**才报 | — |
#
# 一次 `run` 运行图的哪些部分、同一个张量取回两次、互相没有依赖的操作谁先运行、会话句柄：见[取回进阶](fetch-order-handles.md)。
# %% [markdown] lang="en"
# # Fetches: what `Session.run` really gives back
#
# The first argument of `tf.compat.v1.Session.run(fetches)` is the fetches. The official docs
# spend a few sentences on what you may fetch and what comes back. This page runs each sentence in
# graph mode on TensorFlow 2.21, prints the Python type of every returned value, and pins it with
# `assert`. Where TensorFlow does something the docs do not say, or say wrongly, the page shows it.
#
# | You fetch | What comes back | Python type |
# |---|---|---|
# | [a `tf.Operation` (object, or a name such as `'init'`)](#an-operation-gives-none) | `None`, but the op did run | `NoneType` |
# | [a scalar `tf.Tensor`](#tensors-a-scalar-is-not-an-ndarray) | a number | a **numpy scalar** such as `numpy.float32`, not the `ndarray` the docs promise |
# | [a non-scalar `tf.Tensor`](#tensors-a-scalar-is-not-an-ndarray) | an array | `numpy.ndarray` |
# | [a string scalar](#string-tensors-give-bytes) | UTF-8 bytes | `bytes` |
# | [a string vector](#string-tensors-give-bytes) | an array of `bytes` | `numpy.ndarray` with `dtype=object` |
# | [a tensor name `'b:0'`](#fetching-by-name) | the same as the tensor object | as above |
# | [an op name `'b'` (no `:0`)](#fetching-by-name) | `None` | `NoneType` |
# | [a name you chose, `'logits:0'`](#stable-names) (`tf.identity`) | the same as the tensor; a taken name silently becomes `logits_1` | as above |
# | [a `tf.SparseTensor`](#sparse-tensors) | `SparseTensorValue(indices, values, dense_shape)` | `tf.compat.v1.SparseTensorValue` (a namedtuple) |
# | [a `tf.IndexedSlices` (not in the docs)](#sparse-tensors) | `IndexedSlicesValue` | `IndexedSlicesValue` |
# | [a `tf.RaggedTensor` (not in the docs)](#sparse-tensors) | `RaggedTensorValue` | `tf.compat.v1.ragged.RaggedTensorValue` |
# | [the result of `get_session_handle`](fetch-order-handles.md#session-handles) | a handle object, **not** the `ndarray` the docs promise | `TensorHandle` |
# | [a `tf.Variable` object](#variables) | the variable's current value | numpy scalar or `ndarray` |
# | [a Keras 3 weight, `layer.kernel`](keras3-vs-tf-keras.md#weights) | `TypeError`; fetch `.value` | — |
# | [a resource variable's name `'v:0'`](#variables) | the variable's **handle**, not its value | structured `ndarray`, `dtype=[('resource', 'u1', (1,))]` |
# | [a tensor you also feed](fetch-order-handles.md#fed-tensors) | the very value you fed | a 0-d `ndarray` when you feed a scalar |
# | [`list` / `tuple` / namedtuple / `dict` / `OrderedDict`, nested](#nested-structures) | the same structure, leaves replaced by values | the same container types |
# | [a `list` subclass (not in the docs)](#nested-structures) | the same elements | a plain `list` |
# | [a plain `tuple` subclass, a `set`, a `dataclass` (not in the docs)](#nested-structures) | `TypeError`; for the `tuple` subclass only **after** the step ran | — |
#
# Which part of the graph one `run` executes, fetching a tensor twice, which of two independent ops
# runs first, and session handles: see [Fetches, further](fetch-order-handles.md).

# %% [markdown] lang="zh"
# ## 准备
#
# 关掉 C++ 日志，切到 TF1 的图模式，固定随机种子。整页共用一张默认图和一个会话（`Session`）；
# 会话创建之后再往图里加节点也没关系，下一次 `run` 会把新节点一起带上。
#
# `show` 是本页的小工具：打印一个返回值的类型和值。
# %% [markdown] lang="en"
# ## Setup
#
# Silence the C++ logs, switch to TF1 graph mode and fix the seeds. The whole page shares one
# default graph and one `Session`; adding nodes to the graph after the session exists is fine, the
# next `run` picks them up.
#
# `show` is this page's helper: it prints the type and the value of one fetched result.

# %%
import os

os.environ["TF_CPP_MIN_LOG_LEVEL"] = "3"

import collections
import dataclasses

import attrs
import numpy as np
import tensorflow as tf

tf.compat.v1.disable_eager_execution()
tf.keras.utils.set_random_seed(0)
np.random.seed(0)
tf.compat.v1.set_random_seed(0)

print("TensorFlow", tf.__version__, "| numpy", np.__version__)
print("executing eagerly:", tf.executing_eagerly())

a = tf.constant(3.0, name="a")
b = tf.multiply(a, 10.0, name="b")
sess = tf.compat.v1.Session()


def show(label, value):
    print(f"{label:<26} {str(type(value)):<30} {value!r}")


# %% [markdown] lang="zh"
# ## 文档原文
#
# 下面是[原博客](quick-start.md)引用的 `Session.run` 文档里讲取回的全部句子。TF 2.21 源码里的文档字符串几乎一字不差，
# 只是把 `tf.SparseTensor` 写成了 `tf.sparse.SparseTensor`，并多了一段示例代码（表中最后一行）。
# 右边一栏写着本页哪一节验证它。
#
# | 文档原句 | 在哪一节验证 |
# |---|---|
# | Runs operations and evaluates tensors in `fetches`. | [只运行需要的那部分图](fetch-order-handles.md#只运行需要的那部分图) |
# | This method runs one "step" of TensorFlow computation, by running the necessary graph fragment to execute every `Operation` and evaluate every `Tensor` in `fetches`, substituting the values in `feed_dict` for the corresponding input values. | [只运行需要的那部分图](fetch-order-handles.md#只运行需要的那部分图) |
# | The `fetches` argument may be a single graph element, or an arbitrarily nested list, tuple, namedtuple, dict, or OrderedDict containing graph elements at its leaves. | [嵌套结构](#嵌套结构) |
# | A `tf.Operation`. The corresponding fetched value will be `None`. | [操作返回 `None`](#操作返回-none) |
# | A `tf.Tensor`. The corresponding fetched value will be a numpy ndarray containing the value of that tensor. | [张量：标量不是 `ndarray`](#张量标量不是-ndarray)、[字符串张量返回 `bytes`](#字符串张量返回-bytes) |
# | A `tf.SparseTensor`. The corresponding fetched value will be a `tf.compat.v1.SparseTensorValue` containing the value of that sparse tensor. | [稀疏张量](#稀疏张量) |
# | A `get_tensor_handle` op. The corresponding fetched value will be a numpy ndarray containing the handle of that tensor. | [会话句柄](fetch-order-handles.md#会话句柄) |
# | A string which is the name of a tensor or operation in the graph. | [用名字取回](#用名字取回) |
# | The value returned by `run()` has the same shape as the `fetches` argument, where the leaves are replaced by the corresponding values returned by TensorFlow. | [嵌套结构](#嵌套结构) |
# | `fetches`: A single graph element, a list of graph elements, or a dictionary whose values are graph elements or lists of graph elements. | [嵌套结构](#嵌套结构) |
# | Returns: Either a single value if `fetches` is a single graph element, or a list of values if `fetches` is a list, or a dictionary with the same keys as `fetches` if that is a dictionary. | [嵌套结构](#嵌套结构) |
# | Order in which `fetches` operations are evaluated inside the call is undefined. | [求值顺序没有保证](fetch-order-handles.md#求值顺序没有保证) |
# | Raises: `RuntimeError` / `TypeError` / `ValueError` | [取错了会怎样](#取错了会怎样) |
# | （TF 2.21 源码中的示例）`v = session.run({'k1': MyData(a, b), 'k2': [b, a]})` | [嵌套结构](#嵌套结构) |
#
# 文档没有提到的还有：变量、被馈送的张量、`IndexedSlices`、`RaggedTensor`、`attrs` 类，以及重复取回。
# %% [markdown] lang="en"
# ## The doc, sentence by sentence
#
# These are all the sentences about fetches in the `Session.run` docs, as quoted in [the blog post](quick-start.md).
# The docstring in the TF 2.21 source says almost exactly the same; it writes
# `tf.sparse.SparseTensor` for `tf.SparseTensor` and adds an example (last row). The right column
# says which section of this page checks each one.
#
# | Doc sentence | Checked in |
# |---|---|
# | Runs operations and evaluates tensors in `fetches`. | [Only the needed part of the graph runs](fetch-order-handles.md#only-the-needed-part-of-the-graph-runs) |
# | This method runs one "step" of TensorFlow computation, by running the necessary graph fragment to execute every `Operation` and evaluate every `Tensor` in `fetches`, substituting the values in `feed_dict` for the corresponding input values. | [Only the needed part of the graph runs](fetch-order-handles.md#only-the-needed-part-of-the-graph-runs) |
# | The `fetches` argument may be a single graph element, or an arbitrarily nested list, tuple, namedtuple, dict, or OrderedDict containing graph elements at its leaves. | [Nested structures](#nested-structures) |
# | A `tf.Operation`. The corresponding fetched value will be `None`. | [An Operation gives `None`](#an-operation-gives-none) |
# | A `tf.Tensor`. The corresponding fetched value will be a numpy ndarray containing the value of that tensor. | [Tensors: a scalar is not an `ndarray`](#tensors-a-scalar-is-not-an-ndarray), [String tensors give `bytes`](#string-tensors-give-bytes) |
# | A `tf.SparseTensor`. The corresponding fetched value will be a `tf.compat.v1.SparseTensorValue` containing the value of that sparse tensor. | [Sparse tensors](#sparse-tensors) |
# | A `get_tensor_handle` op. The corresponding fetched value will be a numpy ndarray containing the handle of that tensor. | [Session handles](fetch-order-handles.md#session-handles) |
# | A string which is the name of a tensor or operation in the graph. | [Fetching by name](#fetching-by-name) |
# | The value returned by `run()` has the same shape as the `fetches` argument, where the leaves are replaced by the corresponding values returned by TensorFlow. | [Nested structures](#nested-structures) |
# | `fetches`: A single graph element, a list of graph elements, or a dictionary whose values are graph elements or lists of graph elements. | [Nested structures](#nested-structures) |
# | Returns: Either a single value if `fetches` is a single graph element, or a list of values if `fetches` is a list, or a dictionary with the same keys as `fetches` if that is a dictionary. | [Nested structures](#nested-structures) |
# | Order in which `fetches` operations are evaluated inside the call is undefined. | [Evaluation order is not guaranteed](fetch-order-handles.md#evaluation-order-is-not-guaranteed) |
# | Raises: `RuntimeError` / `TypeError` / `ValueError` | [Bad fetches](#bad-fetches) |
# | (example in the TF 2.21 source) `v = session.run({'k1': MyData(a, b), 'k2': [b, a]})` | [Nested structures](#nested-structures) |
#
# The docs say nothing about variables, fed tensors, `IndexedSlices`, `RaggedTensor`, `attrs`
# classes, or fetching the same thing twice. Those are covered too.

# %% [markdown] lang="zh"
# ## 操作返回 `None`
#
# 取回一个操作（`tf.Operation`）得到 `None`。用操作的名字（字符串）取回也一样。
# `tf.compat.v1.global_variables_initializer()` 生成的操作默认就叫 `init`。
#
# `None` 不代表什么也没发生：操作照样运行了。下面的 `bump` 返回 `None`，变量却变了。
# %% [markdown] lang="en"
# ## An Operation gives `None`
#
# Fetching a `tf.Operation` gives `None`. So does fetching it by its name (a string).
# The op made by `tf.compat.v1.global_variables_initializer()` is called `init` by default.
#
# `None` does not mean nothing happened: the op did run. Below, `bump` returns `None`, yet the
# variable changes.

# %%
step = tf.compat.v1.Variable(0, name="step")
init = tf.compat.v1.global_variables_initializer()
bump = step.assign_add(5, read_value=False)
print("init.name:", init.name, "| type:", type(init).__name__)
print("bump is an", type(bump).__name__, "of type", bump.type)

for label, fetch in [("run(init)", init), ("run('init')", "init"), ("run([init])", [init])]:
    value = sess.run(fetch)
    show(label, value)
    assert value is None or value == [None]

value = sess.run(bump)
show("run(bump)", value)
show("step after bump", sess.run(step))
assert value is None and sess.run(step) == 5

# %% [markdown] lang="zh"
# ## 张量：标量不是 `ndarray`
#
# 文档说取回张量得到“numpy ndarray”。非标量确实如此；**标量（0 维）张量却返回 numpy 标量**，
# 例如 `numpy.float32`。它有 `.dtype` 和 `.shape == ()`，用起来很像数组，但
# `isinstance(x, np.ndarray)` 是 `False`，也不能原地修改。
# %% [markdown] lang="en"
# ## Tensors: a scalar is not an `ndarray`
#
# The docs say a fetched tensor is "a numpy ndarray". That holds for non-scalars. **A scalar (0-d)
# tensor comes back as a numpy scalar** such as `numpy.float32`. It has `.dtype` and
# `.shape == ()` and mostly behaves like an array, but `isinstance(x, np.ndarray)` is `False` and
# it cannot be changed in place.

# %%
for dtype in [tf.float32, tf.float64, tf.float16, tf.int32, tf.int64, tf.uint8, tf.bool]:
    value = sess.run(tf.ones([], dtype=dtype))
    show(f"scalar {dtype.name}", value)
    assert isinstance(value, np.generic) and not isinstance(value, np.ndarray)
    assert value.shape == () and value.dtype == dtype.as_numpy_dtype

for shape in [[1], [2, 2], [0]]:
    value = sess.run(tf.zeros(shape, tf.int32))
    print(f"shape {str(shape):<8}", type(value), "shape", value.shape)
    assert type(value) is np.ndarray and value.shape == tuple(shape)

# %% [markdown] lang="zh"
# 取回的数组是一份新拷贝：可写，改它不会影响图里的值。
# %% [markdown] lang="en"
# A fetched array is a fresh copy: it is writable, and changing it does not touch the graph.

# %%
vec = tf.constant([1.0, 2.0, 3.0], name="vec")
got = sess.run(vec)
print("writeable:", got.flags.writeable)
got[0] = 99.0
print("changed copy:", got, "| fetched again:", sess.run(vec))
assert sess.run(vec)[0] == 1.0

# %% [markdown] lang="zh"
# ## 字符串张量返回 `bytes`
#
# 字符串标量返回 Python 的 `bytes`（UTF-8 编码），不是 `str`，也不是 `numpy.bytes_`。
# 字符串向量返回 `dtype=object` 的数组，每个元素是 `bytes`。要得到文本，自己 `.decode()`。
# %% [markdown] lang="en"
# ## String tensors give `bytes`
#
# A string scalar comes back as Python `bytes` (UTF-8), not `str` and not `numpy.bytes_`.
# A string vector comes back as an array with `dtype=object` whose elements are `bytes`. Call
# `.decode()` yourself to get text.

# %%
word = sess.run(tf.constant("héllo"))
words = sess.run(tf.constant(["a", "bc"]))
show("string scalar", word)
show("string vector", words)
print("element type:", type(words[0]), "| dtype:", words.dtype, "| decoded:", word.decode())
assert type(word) is bytes and word.decode() == "héllo"
assert type(words) is np.ndarray and words.dtype == object and type(words[0]) is bytes

# %% [markdown] lang="zh"
# ## 用名字取回
#
# 字符串也能取回。关键在冒号：
#
# - `'b:0'` 是张量名（操作 `b` 的第 0 个输出），返回张量的值；
# - `'b'` 是**操作**名，操作会运行，但返回 `None`。
#
# 少写一个 `:0` 不会报错，只会悄悄得到 `None`。
# %% [markdown] lang="en"
# ## Fetching by name
#
# Strings work as fetches. The colon is what matters:
#
# - `'b:0'` is a tensor name (output 0 of op `b`) and gives the tensor's value;
# - `'b'` is an **operation** name: the op runs, and you get `None`.
#
# Forgetting `:0` raises no error; you just get `None` back.

# %%
print("b.name =", b.name, "| b.op.name =", b.op.name)
show("run('b:0')", sess.run("b:0"))
show("run('b')", sess.run("b"))
assert sess.run("b:0") == sess.run(b) == 30.0
assert sess.run("b") is None

# %% [markdown] lang="zh"
# ### 稳定的取回名：`tf.identity(t, name=...)` {#stable-names}
#
# 自动得到的名字（`add`、`mul_3`……）随图里先建了什么而变。要按名字取回，就用 `tf.identity`
# 给输出起个名字，再取回 `'logits:0'`。名字被占用时不报错，而是悄悄变成 `logits_1`：起名后检查 `.name`。
# %% [markdown] lang="en"
# ### Stable fetch names: `tf.identity(t, name=...)` {#stable-names}
#
# Default names (`add`, `mul_3`, ...) change with whatever was built before. To fetch by name, name
# the output with `tf.identity` and fetch `'logits:0'`. A taken name raises no error; it silently
# becomes `logits_1`, so check `.name` after naming.

# %%
scores = a * 2.0 + b
logits = tf.identity(scores, name="logits")
again = tf.identity(scores, name="logits")
print(scores.name, logits.name, again.name, sess.run("logits:0"))
assert (logits.name, again.name) == ("logits:0", "logits_1:0")
assert sess.run("logits:0") == sess.run(scores) == 36.0

# %% [markdown] lang="zh"
# ## 稀疏张量
#
# 取回稀疏张量（`tf.SparseTensor`）得到 `tf.compat.v1.SparseTensorValue`。它是一个 namedtuple，
# 三个字段都是 `ndarray`；`indices` 和 `dense_shape` 是 `int64`。
# %% [markdown] lang="en"
# ## Sparse tensors
#
# Fetching a `tf.SparseTensor` gives a `tf.compat.v1.SparseTensorValue`. It is a namedtuple whose
# three fields are `ndarray`s; `indices` and `dense_shape` are `int64`.

# %%
sparse = tf.SparseTensor(indices=[[0, 0], [1, 2]], values=[1.0, 2.0], dense_shape=[3, 4])
sv = sess.run(sparse)
print(type(sv))
print("is a tuple:", isinstance(sv, tuple), "| fields:", sv._fields)
for field in sv._fields:
    value = getattr(sv, field)
    print(f"  {field:<12} {type(value).__name__} {value.dtype} {value.tolist()}")
assert type(sv) is tf.compat.v1.SparseTensorValue
assert sv.indices.dtype == np.int64 and sv.dense_shape.tolist() == [3, 4]

# %% [markdown] lang="zh"
# 文档只列了稀疏张量，但另外两种“复合张量”也能直接取回：
# `tf.IndexedSlices`（例如对 `tf.gather` 求梯度得到的）返回 `IndexedSlicesValue`，
# `tf.RaggedTensor` 返回 `RaggedTensorValue`。
# %% [markdown] lang="en"
# The docs list only sparse tensors, but two more composite tensors can be fetched directly:
# a `tf.IndexedSlices` (for example the gradient of a `tf.gather`) gives an `IndexedSlicesValue`,
# and a `tf.RaggedTensor` gives a `RaggedTensorValue`.

# %%
table = tf.compat.v1.Variable(tf.ones([4, 2]), name="table")
grad = tf.gradients(tf.reduce_sum(tf.gather(table, [0, 2])), table)[0]
ragged = tf.ragged.constant([[1, 2], [3]])
sess.run(table.initializer)

print("graph objects:", type(grad).__name__, "|", type(ragged).__name__)
slices = sess.run(grad)
print(type(slices))
print(
    "  values",
    slices.values.tolist(),
    "| indices",
    slices.indices.tolist(),
    "| dense_shape",
    slices.dense_shape.tolist(),
)
rv = sess.run(ragged)
print(type(rv))
print("  to_list():", rv.to_list())
assert type(slices).__name__ == "IndexedSlicesValue" and slices.indices.tolist() == [0, 2]
assert type(rv) is tf.compat.v1.ragged.RaggedTensorValue and rv.to_list() == [[1, 2], [3]]

# %% [markdown] lang="zh"
# ## 变量
#
# 文档没提变量。取回 `tf.Variable` 对象得到它**当前的值**（numpy 标量或 `ndarray`）。
# 取回 `v.initializer` 这类操作照例得到 `None`。
#
# 注意 Keras 3 的权重是 `keras.Variable`，不是 `tf.Variable`：`sess.run(layer.kernel)` 报 `TypeError`，
# 要取回 `layer.kernel.value`（[演示](keras3-vs-tf-keras.md#weights)）。
# %% [markdown] lang="en"
# ## Variables
#
# The docs do not mention variables. Fetching a `tf.Variable` object gives its **current value**
# (a numpy scalar or an `ndarray`). Fetching an op such as `v.initializer` gives `None` as usual.
#
# Mind that Keras 3 weights are `keras.Variable`s, not `tf.Variable`s: `sess.run(layer.kernel)`
# raises `TypeError`; fetch `layer.kernel.value` ([shown here](keras3-vs-tf-keras.md#weights)).

# %%
v = tf.compat.v1.Variable([1, 2, 3], name="v")
print(type(v).__name__)
show("run(v.initializer)", sess.run(v.initializer))
show("run(v)", sess.run(v))
show("run(step)", sess.run(step))
assert type(sess.run(v)) is np.ndarray and sess.run(v).tolist() == [1, 2, 3]
assert type(sess.run(step)) is np.int32

# %% [markdown] lang="zh"
# 按名字取回变量时要小心。TF 2 里 `tf.compat.v1.Variable` 默认是资源变量（`ResourceVariable`），
# 即使关掉了即时执行（eager execution）也一样。它的 `'v:0'` 是 `VarHandleOp` 输出的**资源句柄**，
# 不是值：取回得到一个 `dtype=[('resource', 'u1', (1,))]` 的结构化数组（里面是序列化的句柄，
# 含内存地址，这里不打印）。值在 `'v/Read/ReadVariableOp:0'`。
#
# 老 TF1 代码里的引用变量（`use_resource=False`，即 `RefVariable`）则不同：`'名字:0'` 就是值。
# 从 TF1 迁移过来、按 `'名字:0'` 取回变量的代码，会因此悄悄拿到一团字节。
# %% [markdown] lang="en"
# Fetching a variable by name needs care. In TF 2, `tf.compat.v1.Variable` makes a
# `ResourceVariable` by default, even with eager execution disabled. Its `'v:0'` is the **resource
# handle** output by a `VarHandleOp`, not the value: fetching it gives a structured array with
# `dtype=[('resource', 'u1', (1,))]` (a serialized handle that contains memory addresses, so it is
# not printed here). The value lives at `'v/Read/ReadVariableOp:0'`.
#
# A TF1 reference variable (`use_resource=False`, a `RefVariable`) is different: `'name:0'` is the
# value. TF1 code that fetches variables as `'name:0'` silently gets a blob of bytes after the
# switch.

# %%
graph = tf.compat.v1.get_default_graph()
print(
    "'v:0' comes from op type",
    graph.get_tensor_by_name("v:0").op.type,
    "with dtype",
    graph.get_tensor_by_name("v:0").dtype.name,
)
blob = sess.run("v:0")
print("run('v:0'):", type(blob), "dtype", blob.dtype)
show("run('v')", sess.run("v"))
show("run('v/Read/...:0')", sess.run("v/Read/ReadVariableOp:0"))
assert blob.dtype.names == ("resource",)
assert sess.run("v/Read/ReadVariableOp:0").tolist() == [1, 2, 3]

legacy = tf.compat.v1.Variable([1, 2, 3], name="legacy", use_resource=False)
sess.run(legacy.initializer)
print(
    type(legacy).__name__,
    "| 'legacy:0' comes from op type",
    graph.get_tensor_by_name("legacy:0").op.type,
)
show("run('legacy:0')", sess.run("legacy:0"))
assert sess.run("legacy:0").tolist() == [1, 2, 3]

# %% [markdown] lang="zh"
# ## 嵌套结构
#
# `fetches` 可以是任意嵌套的 `list`、`tuple`、namedtuple、`dict`、`OrderedDict`。
# 返回值和 `fetches` 结构相同、容器类型相同、字典的键和顺序相同，只是叶子换成了取回的值。
# 文档“参数”一节说的“单个元素、列表或字典”只是其中的特例。
#
# `structure` 把一个嵌套结构写成一行：容器类型加上叶子的类型。先看取回前后的对照。
# %% [markdown] lang="en"
# ## Nested structures
#
# `fetches` may be any nesting of `list`, `tuple`, namedtuple, `dict` and `OrderedDict`. The result
# has the same structure, the same container types, the same dict keys in the same order; only
# the leaves are replaced by fetched values. The "single element, list or dict" of the docs' Args
# section is just a special case.
#
# `structure` writes a nested structure on one line: container types plus leaf types. Compare the
# fetches with the result.

# %%
Pair = collections.namedtuple("Pair", ["left", "right"])


def structure(x):
    if isinstance(x, dict):
        inner = ", ".join(f"{k!r}: {structure(val)}" for k, val in x.items())
        return f"{type(x).__name__}{{{inner}}}"
    if isinstance(x, (list, tuple)):
        return f"{type(x).__name__}[{', '.join(structure(val) for val in x)}]"
    return type(x).__name__


fetches = {
    "list": [a, b],
    "tuple": (a, "b:0"),
    "pair": Pair(left=vec, right=init),
    "ordered": collections.OrderedDict([("z", a), ("y", sparse)]),
    "mix": [{"deep": (b, [vec, {"op": bump}])}],
}
result = sess.run(fetches)
print("fetches:", structure(fetches))
print("result: ", structure(result))
print("result['pair']:", result["pair"])
print("keys of result['ordered']:", list(result["ordered"]))

assert type(result) is dict and list(result) == list(fetches)
assert type(result["list"]) is list and type(result["tuple"]) is tuple
assert type(result["pair"]) is Pair and result["pair"].right is None
assert type(result["ordered"]) is collections.OrderedDict and list(result["ordered"]) == ["z", "y"]
assert type(result["mix"][0]["deep"][1][1]) is dict

# %% [markdown] lang="zh"
# TF 2.21 文档字符串里的示例原样运行一遍，它的注释（“`v` 是 numpy 数组 `[10, 20]`”等）都成立：
# 这里的张量都不是标量，所以确实是 `ndarray`。
# %% [markdown] lang="en"
# The example from the TF 2.21 docstring, run as written. Its comments ("v is the numpy array
# [10, 20]" and so on) hold: none of these tensors is a scalar, so they really are `ndarray`s.

# %%
doc_a = tf.constant([10, 20])
doc_b = tf.constant([1.0, 2.0])
MyData = collections.namedtuple("MyData", ["a", "b"])
v_doc = sess.run({"k1": MyData(doc_a, doc_b), "k2": [doc_b, doc_a]})
print(v_doc)
assert type(v_doc["k1"]) is MyData and type(v_doc["k2"]) is list
assert v_doc["k1"].a.tolist() == [10, 20] and v_doc["k2"][0].tolist() == [1.0, 2.0]
assert all(type(x) is np.ndarray for x in [*v_doc["k1"], *v_doc["k2"]])

# %% [markdown] lang="zh"
# 单个元素返回单个值，单元素列表返回单元素列表，空容器返回空容器。
# 字典的键可以是任何可哈希对象，原样返回。
# %% [markdown] lang="en"
# A single element gives a single value, a one-element list gives a one-element list, and empty
# containers give empty containers. Dict keys can be any hashable object and come back unchanged.

# %%
show("run(b)", sess.run(b))
show("run([b])", sess.run([b]))
show("run(())", sess.run(()))
show("run({})", sess.run({}))
show("run({(1, 'k'): b})", sess.run({(1, "k"): b}))
assert sess.run([b]) == [30.0] and sess.run(()) == () and sess.run({}) == {}

# %% [markdown] lang="zh"
# 文档之外的容器。`Session.run` 的实现是这样分派的：`list`/`tuple` 的子类走“列表”分支，
# 任何 `Mapping` 走“字典”分支，带 `__attrs_attrs__` 的类走 `attrs` 分支，其余都当作单个图元素。
# 由此可以预言、也确实观察到：
#
# - `collections.defaultdict` 原样返回，`default_factory` 也保留；
# - `attrs` 类的实例能当作容器取回，返回同一个类的实例；
# - `list` 的子类返回**普通 `list`**；
# - `dict` 的子类返回同一个子类。
# %% [markdown] lang="en"
# Containers beyond the docs. `Session.run` dispatches like this: subclasses of `list`/`tuple`
# take the "list" path, any `Mapping` takes the "dict" path, classes with `__attrs_attrs__` take
# the `attrs` path, and everything else is treated as one graph element. That predicts, and the
# cell confirms:
#
# - a `collections.defaultdict` comes back as one, `default_factory` included;
# - an instance of an `attrs` class works as a container and comes back as the same class;
# - a `list` subclass comes back as a **plain `list`**;
# - a `dict` subclass comes back as the same subclass.


# %%
@attrs.define
class Outputs:
    score: object
    vector: object


class MyList(list):
    pass


class MyDict(dict):
    pass


dd = sess.run(collections.defaultdict(list, total=b))
print(type(dd), "default_factory:", dd.default_factory)
out = sess.run(Outputs(score=b, vector=vec))
print(type(out).__name__, out.score, out.vector)
print(type(sess.run(MyList([b]))), type(sess.run(MyDict(total=b))))
assert type(dd) is collections.defaultdict and dd.default_factory is list
assert type(out) is Outputs and out.score == 30.0
assert type(sess.run(MyList([b]))) is list and type(sess.run(MyDict(total=b))) is MyDict

# %% [markdown] lang="zh"
# 普通 `tuple` 的子类（不是 namedtuple）则会出问题：`run` 想用 `MyTuple(*值)` 重建它，
# 而 `tuple` 的构造函数只接受一个可迭代对象。更糟的是，这个 `TypeError` 发生在计算**之后**：
# 下面的计数器已经加过 1 了。`set` 和 `dataclass` 不被识别为容器，在计算之前就报 `TypeError`。
# 报错的完整清单见 [错误参考](session-errors.md)。
# %% [markdown] lang="en"
# A plain `tuple` subclass (not a namedtuple) goes wrong: `run` rebuilds it as `MyTuple(*values)`,
# while the `tuple` constructor takes a single iterable. Worse, this `TypeError` comes **after**
# the step ran: the counter below has already been incremented. A `set` and a `dataclass` are not
# recognised as containers and raise `TypeError` before anything runs. The full list of errors is
# in the [errors reference](session-errors.md).


# %%
class MyTuple(tuple):
    pass


@dataclasses.dataclass
class Box:
    value: object


ticks = tf.compat.v1.Variable(0, name="ticks")
tick = ticks.assign_add(1)
sess.run(ticks.initializer)

with expect(TypeError, "object is not iterable"):
    sess.run(MyTuple([tick]))
print("ticks after the failed run:", sess.run(ticks))
assert sess.run(ticks) == 1

with expect(TypeError, 'has invalid type "set"'):
    sess.run({b})
with expect(TypeError, 'has invalid type "Box"'):
    sess.run(Box(b))
assert sess.run(ticks) == 1

# %% [markdown] lang="zh"
# ## 取错了会怎样
#
# 文档列了三种异常。这里各举一两例：取回 `None` 或数字是 `TypeError`，取回图里不存在的名字是
# `ValueError`，会话关闭之后再 `run` 是 `RuntimeError`。每种错误的完整说明在
# [错误参考](session-errors.md)。
# %% [markdown] lang="en"
# ## Bad fetches
#
# The docs list three exceptions. One or two examples each: fetching `None` or a number is a
# `TypeError`, fetching a name that is not in the graph is a `ValueError`, and running a closed
# session is a `RuntimeError`. The [errors reference](session-errors.md) covers them all.

# %%
with expect(TypeError, "Cannot be None"):
    sess.run(None)
with expect(TypeError, 'has invalid type "int"'):
    sess.run(3)
with expect(ValueError, "The name 'nope:0' refers to a Tensor which does not exist"):
    sess.run("nope:0")
with expect(ValueError, "exists but only has 1 outputs"):
    sess.run("b:1")

sess.close()
with expect(RuntimeError, "Attempted to use a closed Session"):
    sess.run(b)

# %% [markdown] lang="zh"
# ## 接下来
#
# - 运行哪些节点、重复取回、求值顺序与会话句柄：[取回进阶](fetch-order-handles.md)
# - 馈送一侧的规则：[馈送（`feed_dict`）](session-feed-dict.md)
# - `options` 和 `run_metadata`：[运行选项与元数据](session-run-metadata.md)
# - `make_callable`、`partial_run` 等：[Session 的其他用法](session-more.md)
# - 术语对照：[术语表](glossary.md)
# %% [markdown] lang="en"
# ## Where next
#
# - What runs, duplicate fetches, evaluation order, session handles: [Fetches, further](fetch-order-handles.md)
# - The feed side of the rules: [Feeding (`feed_dict`)](session-feed-dict.md)
# - `options` and `run_metadata`: [Run options and metadata](session-run-metadata.md)
# - `make_callable`, `partial_run` and friends: [More Session features](session-more.md)
# - Terms in both languages: [Glossary](glossary.md)
