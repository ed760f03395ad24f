# %% [markdown] lang="zh"
# # Keras 3 与 tf_keras 在 Session 下的差异
#
# TensorFlow 2.21 里的 `tf.keras` 就是 Keras 3。旧的 Keras 2 还在，以 `tf_keras` 包的形式提供，
# 设置 `TF_USE_LEGACY_KERAS=1` 后 `tf.keras` 就指向它。
# 本页把 TF1 风格的图代码（`disable_eager_execution()`、占位符（`placeholder`）、会话（`Session`）的 `run`）
# 在两个版本上各跑一遍，结果并排打印：哪些相同，哪些在 Keras 3 下报错，哪些不报错却悄悄算得不一样。
# 下表每一行都链接到证明它的那一格。表中的取回（`fetch`）、馈送（`feed`）、权重（weight）、变量（variable）、
# 掩码（`mask`）、移动平均（moving average）、推理模式（inference mode）等术语见[术语表](glossary.md)。
#
# | 类别 | 写法 | Keras 3（`keras` = `tf.keras`） | tf_keras（Keras 2） | 证据 |
# |---|---|---|---|---|
# | 相同 | 占位符 → `Dense` → `global_variables_initializer` → `sess.run` | 可用，取回 `ndarray` | 可用，取回 `ndarray` | [运行](#dense-placeholder) |
# | 相同 | `tf.compat.v1.train` 优化器的 `minimize(loss)` | 能训练 | 能训练 | [运行](#v1-optimizers) |
# | 相同 | `BatchNormalization` 往 `UPDATE_OPS` 登记更新 | 不登记，集合为空 | 不登记，集合为空 | [运行](#batchnorm) |
# | 相同 | Keras 优化器的 `minimize(张量)` | `AttributeError` | `ValueError`（要求 `tape`） | [运行](#keras-optimizers) |
# | Keras 3 报错 | `sess.run(layer.kernel)` | `TypeError`：权重是 `keras.Variable`，要取 `.value` | 可用：权重就是 `tf.Variable` | [运行](#weights) |
# | Keras 3 报错 | `bn.updates` | `AttributeError` | 两个赋值操作 | [运行](#batchnorm) |
# | Keras 3 报错 | `Dropout` 的 `training=` 传 `tf.bool` 占位符 | `OperatorNotAllowedInGraphError` | 建一个 `cond`，馈送什么就是什么模式 | [运行](#dropout-placeholder) |
# | Keras 3 报错 | `fit` / `evaluate` / `predict` | `RuntimeError` | 可用 | [运行](#predict-fit) |
# | Keras 3 报错 | `model.get_weights()` | `NotImplementedError` | 可用（但见下面“悄悄不同”） | [运行](#get-weights) |
# | Keras 3 报错 | `model.save_weights(...)` | `NotImplementedError`，还留下半个文件 | `.h5` 可用；`.weights.h5` 同样报错 | [运行](#save-weights) |
# | Keras 3 报错 | `tf.compat.v1.keras.backend.get_session()`、`tf.keras.backend.learning_phase()` | 都不存在 | 都在 | [运行](#which-keras) |
# | 悄悄不同 | `Dropout(training=True)` 多次 `sess.run` | 每次都是同一个掩码 | 每次换新掩码 | [运行](#dropout-mask) |
# | 悄悄不同 | `BatchNormalization` 的移动平均 | 永远不更新，也拿不到更新操作 | 只有运行 `bn.updates` 才更新 | [运行](#batchnorm) |
# | 悄悄不同 | Keras 优化器的 `apply_gradients` | 返回一个变量，运行它什么也不训练 | 新优化器同样不训练；`optimizers.legacy` 能训练 | [运行](#keras-optimizers) |
# | 悄悄不同 | 调用层时不传 `training` | 永远是推理模式 | 跟随 `learning_phase()` 占位符，默认推理 | [运行](#learning-phase) |
# | 悄悄不同 | 同一进程里重建模型 | 变量名接着编号，`Saver.restore` 报 `NotFoundError` | 每张新图从头编号，能恢复 | [运行](#variable-names) |
# | 悄悄不同 | 输出张量的名字（按字符串取回） | `dense_1/BiasAdd:0` | `dense/BiasAdd:0` | [运行](#dense-placeholder) |
# | 悄悄不同 | 没有默认会话时 `get_weights()` | （报错） | 读的是 Keras 自己的隐藏会话，不是你的 | [运行](#get-weights) |
#
# 结论见[什么时候选 `TF_USE_LEGACY_KERAS=1`](#when-legacy)。
# %% [markdown] lang="en"
# # Keras 3 vs tf_keras under Session
#
# In TensorFlow 2.21, `tf.keras` is Keras 3. The old Keras 2 still exists as the `tf_keras`
# package, and `TF_USE_LEGACY_KERAS=1` makes `tf.keras` point to it. This page runs TF1-style graph
# code (`disable_eager_execution()`, placeholders, `Session.run`) on both and prints the results
# side by side: what is the same, what breaks under Keras 3, and what raises nothing but silently
# computes something else. Every row below links to the cell that proves it. For the zh ↔ en terms,
# see the [glossary](glossary.md).
#
# | Kind | Code | Keras 3 (`keras` = `tf.keras`) | tf_keras (Keras 2) | Evidence |
# |---|---|---|---|---|
# | Same | placeholder → `Dense` → `global_variables_initializer` → `sess.run` | works, fetches an `ndarray` | works, fetches an `ndarray` | [run](#dense-placeholder) |
# | Same | `minimize(loss)` of a `tf.compat.v1.train` optimizer | trains | trains | [run](#v1-optimizers) |
# | Same | `BatchNormalization` registers its updates in `UPDATE_OPS` | no, the collection is empty | no, the collection is empty | [run](#batchnorm) |
# | Same | `minimize(tensor)` of a Keras optimizer | `AttributeError` | `ValueError` (wants a `tape`) | [run](#keras-optimizers) |
# | Keras 3 breaks | `sess.run(layer.kernel)` | `TypeError`: weights are `keras.Variable`; fetch `.value` | works: weights are `tf.Variable` | [run](#weights) |
# | Keras 3 breaks | `bn.updates` | `AttributeError` | two assign ops | [run](#batchnorm) |
# | Keras 3 breaks | `Dropout` with a `tf.bool` placeholder as `training=` | `OperatorNotAllowedInGraphError` | builds a `cond`; the fed value picks the mode | [run](#dropout-placeholder) |
# | Keras 3 breaks | `fit` / `evaluate` / `predict` | `RuntimeError` | work | [run](#predict-fit) |
# | Keras 3 breaks | `model.get_weights()` | `NotImplementedError` | works (but see "silently different") | [run](#get-weights) |
# | Keras 3 breaks | `model.save_weights(...)` | `NotImplementedError`, and a half-written file | `.h5` works; `.weights.h5` fails too | [run](#save-weights) |
# | Keras 3 breaks | `tf.compat.v1.keras.backend.get_session()`, `tf.keras.backend.learning_phase()` | neither exists | both exist | [run](#which-keras) |
# | Silently different | `Dropout(training=True)` over several `sess.run` calls | the same mask every time | a new mask every time | [run](#dropout-mask) |
# | Silently different | `BatchNormalization` moving averages | never updated, and no op to update them | updated only when you run `bn.updates` | [run](#batchnorm) |
# | Silently different | `apply_gradients` of a Keras optimizer | returns a variable; running it trains nothing | the new optimizers train nothing either; `optimizers.legacy` trains | [run](#keras-optimizers) |
# | Silently different | a layer called without `training` | always inference mode | follows the `learning_phase()` placeholder, inference by default | [run](#learning-phase) |
# | Silently different | rebuilding a model in the same process | variable names keep counting; `Saver.restore` raises `NotFoundError` | each new graph starts again; restore works | [run](#variable-names) |
# | Silently different | names of output tensors (fetching by string) | `dense_1/BiasAdd:0` | `dense/BiasAdd:0` | [run](#dense-placeholder) |
# | Silently different | `get_weights()` with no default session | (raises) | reads Keras's own hidden session, not yours | [run](#get-weights) |
#
# The verdict is in [When to choose `TF_USE_LEGACY_KERAS=1`](#when-legacy).

# %% [markdown] lang="zh"
# ## 准备
#
# 同一个内核里可以同时导入两个版本：`import keras` 是 Keras 3（与 `tf.keras` 是同一套类），
# `import tf_keras` 是 Keras 2。先关闭即时执行（eager execution），进入图模式（graph mode）。
#
# tf_keras 会通过 TensorFlow 的日志打印弃用警告，里面带着本机文件路径，所以把日志级别调到 `ERROR`。
# %% [markdown] lang="en"
# ## Setup
#
# One kernel can import both: `import keras` is Keras 3 (the very same classes as `tf.keras`), and
# `import tf_keras` is Keras 2. Eager execution is switched off first, so everything below runs in
# graph mode.
#
# tf_keras logs deprecation warnings through TensorFlow's logger, with local file paths in them, so
# the logger level is raised to `ERROR`.

# %%
import os

os.environ["TF_CPP_MIN_LOG_LEVEL"] = "3"

import numpy as np
import tensorflow as tf

tf.compat.v1.disable_eager_execution()
tf.keras.utils.set_random_seed(0)
np.random.seed(0)
tf.compat.v1.set_random_seed(0)
tf.get_logger().setLevel("ERROR")  # tf_keras deprecation logs carry local paths

import contextlib
import warnings

import keras
import tf_keras

BOTH = {"keras": keras, "tf_keras": tf_keras}

print(
    "TensorFlow", tf.__version__, "| keras", keras.__version__, "| tf_keras", tf_keras.__version__
)
print("tf.keras is Keras 3:", tf.keras.layers.Dense is keras.layers.Dense)
print("executing eagerly:", tf.executing_eagerly())
assert tf.keras.layers.Dense is keras.layers.Dense
assert not tf.executing_eagerly()

# %% [markdown] lang="zh"
# 三个小工具：`fresh_graph()` 给每个例子一张新的默认图（并固定图级随机种子）；
# `show()` 把两个版本的结果排成两行，方便对照；`state_writes()` 列出图里所有写变量的操作（不算初始化）。
# %% [markdown] lang="en"
# Three small helpers: `fresh_graph()` gives each snippet a new default graph (with a fixed
# graph-level seed); `show()` prints one line per Keras, so the results line up; `state_writes()`
# lists every op in the graph that writes a variable (initializers excluded).


# %%
@contextlib.contextmanager
def fresh_graph():
    with tf.Graph().as_default() as graph:
        tf.compat.v1.set_random_seed(0)
        yield graph


def show(name, *values):
    print(f"{name:<8} |", *values)


def state_writes(graph):
    """Ops that write variables, minus the initializers (named `.../Assign`)."""
    return [
        op.name
        for op in graph.get_operations()
        if op.type.startswith(("Assign", "ResourceApply")) and not op.name.endswith("/Assign")
    ]


# %% [markdown] lang="zh"
# ## 相同：占位符上的 Dense { #dense-placeholder }
#
# 最基本的 TF1 写法：占位符做输入，调用一个 `Dense` 层，运行初始化器（`initializer`），
# 再取回输出。两个版本都能跑，取回的都是 numpy 数组，形状一样。
# 数值不同，因为两个版本的初始化器用的随机数不同。
#
# 但输出张量在图里的名字不一样。Keras 3 创建变量时已经用掉了名字作用域 `dense`，
# 调用时只好用 `dense_1`。按字符串取回（`sess.run("dense/BiasAdd:0")`）的老代码在 Keras 3 下会报错。
# %% [markdown] lang="en"
# ## Same: a Dense layer on a placeholder { #dense-placeholder }
#
# The most basic TF1 pattern: a placeholder as input, a `Dense` layer called on it, the variable
# initializer, and a fetch of the output. Both versions run it, both fetch a numpy array of the
# same shape. The numbers differ because the two initializers draw different random numbers.
#
# The output tensor's name in the graph differs, though. Keras 3 already used the name scope
# `dense` while creating the variables, so the call gets `dense_1`. Old code that fetches by string
# (`sess.run("dense/BiasAdd:0")`) fails under Keras 3.


# %%
def dense_on_placeholder(K, fetch_by_name=False):
    with fresh_graph():
        x = tf.compat.v1.placeholder(tf.float32, [None, 3], name="x")
        y = K.layers.Dense(2, name="dense")(x)
        init = tf.compat.v1.global_variables_initializer()
        with tf.compat.v1.Session() as sess:
            sess.run(init)
            fetch = "dense/BiasAdd:0" if fetch_by_name else y
            value = sess.run(fetch, feed_dict={x: np.ones((4, 3), np.float32)})
    return y.name, value


for name, K in BOTH.items():
    tensor_name, value = dense_on_placeholder(K)
    show(name, type(value).__name__, value.shape, "| output tensor:", tensor_name)
    assert isinstance(value, np.ndarray) and value.shape == (4, 2)

_, value = dense_on_placeholder(tf_keras, fetch_by_name=True)
show("tf_keras", 'sess.run("dense/BiasAdd:0") ->', value.shape)
with expect(ValueError, "'dense/BiasAdd:0' refers to a Tensor which does not exist"):
    dense_on_placeholder(keras, fetch_by_name=True)

# %% [markdown] lang="zh"
# ## Keras 3 报错：权重不是 `tf.Variable` { #weights }
#
# tf_keras 的权重就是 `tf.Variable`，可以直接交给 `sess.run`。
# Keras 3 的权重是 `keras.Variable`：它包着一个 `tf.Variable`，自己却不是，
# `Session.run` 不认它。要取回值，得取它的 `.value`（里面那个 `tf.Variable`）。
# 图里的全局变量集合在两个版本里都只有 `tf.Variable`，所以 `global_variables_initializer` 照常工作。
#
# 名字也不一样：Keras 3 的 `w.name` 只是 `kernel`，完整的路径在 `w.path` 里，而且没有 `:0`。
# %% [markdown] lang="en"
# ## Keras 3 breaks: weights are not `tf.Variable` { #weights }
#
# tf_keras weights are `tf.Variable`s, and `sess.run` fetches them directly. Keras 3 weights are
# `keras.Variable`s: each wraps a `tf.Variable` but is not one, and `Session.run` rejects it. To
# fetch the value, fetch `.value`, the wrapped `tf.Variable`. The graph's global-variables
# collection holds plain `tf.Variable`s under both versions, which is why
# `global_variables_initializer` keeps working.
#
# The names differ too: in Keras 3, `w.name` is just `kernel`; the full path is in `w.path`, with no
# `:0`.


# %%
def fetch_kernel(K, use_value=False):
    with fresh_graph():
        x = tf.compat.v1.placeholder(tf.float32, [None, 3])
        layer = K.layers.Dense(2, name="dense")
        layer(x)
        kernel = layer.kernel
        in_graph = [v.name for v in tf.compat.v1.global_variables()]
        with tf.compat.v1.Session() as sess:
            sess.run(tf.compat.v1.global_variables_initializer())
            value = sess.run(kernel.value if use_value else kernel)
    return kernel, in_graph, value


for name, K in BOTH.items():
    kernel = fetch_kernel(K, use_value=(name == "keras"))[0]
    show(name, f"{type(kernel).__module__}.{type(kernel).__name__}")
    show("", "is tf.Variable:", isinstance(kernel, tf.Variable), "| name:", kernel.name)
    show("", "path:", getattr(kernel, "path", "(no .path)"))

kernel, in_graph, value = fetch_kernel(keras, use_value=True)
show("keras", "global_variables():", in_graph)
show("keras", "sess.run(kernel.value) ->", type(value).__name__, value.shape)
assert not isinstance(kernel, tf.Variable) and isinstance(kernel.value, tf.Variable)
assert isinstance(fetch_kernel(tf_keras)[0], tf.Variable)
with expect(TypeError, 'has invalid type "Variable"'):
    fetch_kernel(keras)

# %% [markdown] lang="zh"
# ## 悄悄不同：重建模型时的变量名 { #variable-names }
#
# TF1 的检查点（`tf.compat.v1.train.Saver`）按变量名保存和恢复。
# tf_keras 给每张图单独编号：在一张新图里重建同一个模型，变量名和上次一模一样。
# Keras 3 的编号是整个进程共用的：第二次构建时变成了 `sequential_1/dense_1/...`，
# 于是用第一次保存的检查点恢复就找不到变量。
#
# 先调用 `keras.backend.clear_session()` 把编号清零，这样第一次构建的名字是干净的。
# %% [markdown] lang="en"
# ## Silently different: variable names when a model is rebuilt { #variable-names }
#
# TF1 checkpoints (`tf.compat.v1.train.Saver`) save and restore by variable name. tf_keras numbers
# layers per graph: rebuild the same model in a new graph and the variable names are exactly the
# same as before. Keras 3 numbers them per process: the second build becomes
# `sequential_1/dense_1/...`, and restoring the checkpoint saved by the first build cannot find
# those variables.
#
# `keras.backend.clear_session()` first resets the counters, so that the first build gets clean
# names.


# %%
import tempfile


def build_model(K):
    x = tf.compat.v1.placeholder(tf.float32, [None, 3])
    return K.Sequential([K.layers.Dense(2)])(x)


def save_then_restore(K, folder):
    with fresh_graph():
        build_model(K)
        first = [v.name for v in tf.compat.v1.global_variables()]
        with tf.compat.v1.Session() as sess:
            sess.run(tf.compat.v1.global_variables_initializer())
            path = tf.compat.v1.train.Saver().save(sess, os.path.join(folder, "ckpt"))
    with fresh_graph():
        build_model(K)
        second = [v.name for v in tf.compat.v1.global_variables()]
        show(K.__name__, "first build: ", first)
        show(K.__name__, "second build:", second)
        with tf.compat.v1.Session() as sess:
            tf.compat.v1.train.Saver().restore(sess, path)
    return first, second


keras.backend.clear_session()
with tempfile.TemporaryDirectory() as folder:
    first, second = save_then_restore(tf_keras, folder)
    assert first == second
    show("tf_keras", "restored OK")
with tempfile.TemporaryDirectory() as folder:
    with expect(tf.errors.NotFoundError, "Key sequential_1/dense_1/bias not found in checkpoint"):
        save_then_restore(keras, folder)

# %% [markdown] lang="zh"
# ## 相同：`tf.compat.v1.train` 优化器 { #v1-optimizers }
#
# 老的图优化器只认图里的张量和 `tf.Variable`。Keras 3 的权重在图里也是普通的 `tf.Variable`，
# 所以 `GradientDescentOptimizer(0.1).minimize(loss)` 在两个版本上都能训练：运行 20 步，损失都明显下降。
# %% [markdown] lang="en"
# ## Same: `tf.compat.v1.train` optimizers { #v1-optimizers }
#
# The old graph optimizers only deal with graph tensors and `tf.Variable`s. Under Keras 3 the
# weights are plain `tf.Variable`s in the graph too, so `GradientDescentOptimizer(0.1).minimize(loss)`
# trains on both versions: after 20 steps the loss is clearly lower.

# %%
X = np.random.rand(8, 3).astype(np.float32)
T = X.sum(axis=1, keepdims=True)


def train_20_steps(K, make_step):
    with fresh_graph() as graph:
        x = tf.compat.v1.placeholder(tf.float32, [None, 3])
        t = tf.compat.v1.placeholder(tf.float32, [None, 1])
        model = K.Sequential([K.layers.Dense(1)])
        loss = tf.reduce_mean((model(x) - t) ** 2)
        step = make_step(K, model, loss)
        feed = {x: X, t: T}
        with tf.compat.v1.Session() as sess:
            sess.run(tf.compat.v1.global_variables_initializer())
            before = sess.run(loss, feed)
            for _ in range(20):
                sess.run(step, feed)
            after = sess.run(loss, feed)
    return type(step).__name__, before, after, state_writes(graph)


def v1_minimize(K, model, loss):
    return tf.compat.v1.train.GradientDescentOptimizer(0.1).minimize(loss)


for name, K in BOTH.items():
    kind, before, after, _ = train_20_steps(K, v1_minimize)
    show(name, f"step is {kind}; loss {before:.4f} -> {after:.4f}")
    assert after < before / 5

# %% [markdown] lang="zh"
# ## Keras 优化器：`minimize` 两边都不行，`apply_gradients` 悄悄不训练 { #keras-optimizers }
#
# Keras 优化器的 `minimize(张量)` 在两个版本上都不能用：Keras 3 的优化器根本没有 `minimize`；
# tf_keras 要求同时传 `tape`（即时执行用的梯度带），图模式下没有。
# %% [markdown] lang="en"
# ## Keras optimizers: `minimize` fails on both, `apply_gradients` silently trains nothing { #keras-optimizers }
#
# `minimize(tensor)` of a Keras optimizer works on neither version: Keras 3 optimizers have no
# `minimize` at all, and tf_keras asks for a `tape` (the eager gradient tape), which graph code does
# not have.


# %%
def keras_minimize(K, model, loss):
    return K.optimizers.SGD(0.1).minimize(loss, var_list=model.trainable_weights)


with expect(AttributeError, "'SGD' object has no attribute 'minimize'"):
    train_20_steps(keras, keras_minimize)
with expect(ValueError, "`tape` is required when a `Tensor` loss is passed"):
    train_20_steps(tf_keras, keras_minimize)

# %% [markdown] lang="zh"
# 换成先用 `tf.gradients` 求梯度、再 `apply_gradients`，两个版本都不报错，但**都不训练**：
# 损失 20 步纹丝不动。
# Keras 3 返回的是迭代计数变量 `iterations`，更新权重的赋值操作虽然建进了图里，却没有任何取回依赖它们；
# `Session.run` 只运行取回所需要的那部分图（剪枝，pruning），所以它们从不运行。
# tf_keras 的新优化器返回计数变量加一的结果（`_UnreadVariable`），它同样不依赖权重更新。
# 下面列出的“写变量的操作”显示，两个新优化器的更新操作都在图里，只是没人运行。
# 只有 tf_keras 的 `optimizers.legacy` 返回真正的训练操作。Keras 3 没有 legacy 优化器，一创建就报 `ImportError`。
# %% [markdown] lang="en"
# Computing gradients with `tf.gradients` and calling `apply_gradients` raises nothing on either
# version, but **trains nothing** either: the loss does not move in 20 steps. Keras 3 returns its
# `iterations` counter variable. The assign ops that update the weights are in the graph, but no
# fetch depends on them, and `Session.run` only runs the part of the graph the fetches need
# (pruning), so they never run. The new tf_keras optimizer returns its counter after an increment
# (an `_UnreadVariable`), which does not depend on the weight updates either. The "ops that write
# variables" printed below show that both new optimizers did put update ops in the graph; nothing
# runs them. Only tf_keras's `optimizers.legacy` returns a real training
# op. Keras 3 has no legacy optimizers: creating one raises `ImportError`.


# %%
def apply_gradients_with(optimizer_class):
    def make_step(K, model, loss):
        variables = model.trainable_weights
        grads = tf.gradients(loss, variables)
        step = optimizer_class(K)(0.1).apply_gradients(zip(grads, variables))
        return step.value if isinstance(step, keras.Variable) else step

    return make_step


sgd = apply_gradients_with(lambda K: K.optimizers.SGD)
for name, K in BOTH.items():
    kind, before, after, writes = train_20_steps(K, sgd)
    show(name, f"SGD.apply_gradients:        step is {kind}; loss {before:.4f} -> {after:.4f}")
    show("", "ops that write variables:", writes)
    assert after == before

legacy_sgd = apply_gradients_with(lambda K: K.optimizers.legacy.SGD)
kind, before, after, writes = train_20_steps(tf_keras, legacy_sgd)
show("tf_keras", f"legacy.SGD.apply_gradients: step is {kind}; loss {before:.4f} -> {after:.4f}")
show("", "ops that write variables:", writes)
assert after < before / 5
with expect(ImportError, "`keras.optimizers.legacy` is not supported in Keras 3"):
    keras.optimizers.legacy.SGD(0.1)

# %% [markdown] lang="zh"
# ## BatchNormalization 的移动平均 { #batchnorm }
#
# `BatchNormalization` 在训练模式（training mode）下要更新两个移动平均。
# 在 TF1 里，`tf.compat.v1.layers.batch_normalization` 把这些更新操作登记到 `UPDATE_OPS` 集合，
# 训练代码再把它们加进控制依赖。Keras 的层在两个版本里都**不**登记：集合是空的。
#
# 只取回输出时，两个版本的移动平均都不变。区别在于能不能拿到更新操作：
# tf_keras 把它们放在 `bn.updates` 里，运行一下就更新了；
# Keras 3 也在图里建了赋值操作（下面按类型把它们找出来），但没有任何公开接口返回它们，
# `bn.updates` 也不存在。结果是用 `Session` 训练时，Keras 3 的移动平均永远停在初始值 0，
# 推理模式用的也一直是初始值。
# %% [markdown] lang="en"
# ## BatchNormalization moving averages { #batchnorm }
#
# In training mode, `BatchNormalization` must update two moving averages. In TF1,
# `tf.compat.v1.layers.batch_normalization` registered those update ops in the `UPDATE_OPS`
# collection, and training code added them as control dependencies. The Keras layer registers
# **nothing** there under either version: the collection is empty.
#
# Fetching only the output leaves the moving averages unchanged under both. The difference is
# whether you can get the update ops at all. tf_keras keeps them in `bn.updates`: run them and the
# averages move. Keras 3 also builds assign ops in the graph (found below by op type), but no public
# API returns them, and `bn.updates` does not exist. So when you train with a `Session`, the Keras 3
# moving mean stays at its initial 0 forever, and inference mode keeps using the initial values.


# %%
def batchnorm(K):
    with fresh_graph() as graph:
        x = tf.compat.v1.placeholder(tf.float32, [None, 3])
        bn = K.layers.BatchNormalization(momentum=0.5)
        y = bn(x, training=True)
        update_ops = tf.compat.v1.get_collection(tf.compat.v1.GraphKeys.UPDATE_OPS)
        (moving_mean,) = [v for v in tf.compat.v1.global_variables() if "moving_mean" in v.name]
        writes = state_writes(graph)
        updates = bn.updates if hasattr(bn, "updates") else None
        feed = {x: np.arange(6, dtype=np.float32).reshape(2, 3)}
        with tf.compat.v1.Session() as sess:
            sess.run(tf.compat.v1.global_variables_initializer())
            sess.run(y, feed)
            after_output = sess.run(moving_mean)
            if updates:
                sess.run(updates, feed)
            after_updates = sess.run(moving_mean)
    show(K.__name__, "UPDATE_OPS:", update_ops, "| has .updates:", updates is not None)
    show("", "ops that write variables:", writes)
    show("", "moving_mean after fetching the output:", after_output)
    show("", "moving_mean after running bn.updates: ", after_updates if updates else "(no updates)")
    return update_ops, after_output, after_updates


for K in BOTH.values():
    update_ops, after_output, after_updates = batchnorm(K)
    assert update_ops == [] and not after_output.any()
    assert after_updates.any() == (K is tf_keras)

with expect(AttributeError, "'BatchNormalization' object has no attribute 'updates'"):
    keras.layers.BatchNormalization().updates

# %% [markdown] lang="zh"
# ## Keras 3 报错：用 `tf.bool` 占位符切换 Dropout { #dropout-placeholder }
#
# TF1 代码常用一个布尔占位符在训练和推理之间切换，同一张图两用。
# tf_keras 看到 `training` 是张量，就在图里建一个条件分支（`cond`），馈送 `True` 就丢弃，`False` 就原样通过。
# Keras 3 的 `Dropout` 用 Python 的 `if training:` 判断，图模式下的符号张量不能当 Python 布尔值用，
# 于是报 `OperatorNotAllowedInGraphError`。
# %% [markdown] lang="en"
# ## Keras 3 breaks: switching Dropout with a `tf.bool` placeholder { #dropout-placeholder }
#
# TF1 code often switches between training and inference with a boolean placeholder, so one graph
# serves both. When `training` is a tensor, tf_keras builds a conditional (`cond`) in the graph: feed
# `True` and it drops units, feed `False` and the input passes through. Keras 3's `Dropout` checks
# `if training:` in Python; a symbolic tensor cannot be a Python bool in graph mode, so it raises
# `OperatorNotAllowedInGraphError`.


# %%
def dropout_switch(K, use_cond=False):
    with fresh_graph():
        x = tf.ones([1, 8])
        training = tf.compat.v1.placeholder(tf.bool, [], name="training")
        layer = K.layers.Dropout(0.5)
        if use_cond:
            y = tf.cond(training, lambda: layer(x, training=True), lambda: layer(x, training=False))
        else:
            y = layer(x, training=training)
        with tf.compat.v1.Session() as sess:
            sess.run(tf.compat.v1.global_variables_initializer())
            on = sess.run(y, {training: True})
            off = sess.run(y, {training: False})
    return on, off


on, off = dropout_switch(tf_keras)
show("tf_keras", "training=True :", on.ravel())
show("tf_keras", "training=False:", off.ravel())
assert (on == 0).any() and (off == 1).all()
with expect(
    tf.errors.OperatorNotAllowedInGraphError,
    "Using a symbolic `tf.Tensor` as a Python `bool` is not allowed",
):
    dropout_switch(keras)

# %% [markdown] lang="zh"
# 在两个版本上都能用的写法：自己用 `tf.cond` 包两次调用，每次传 Python 的 `True` / `False`。
# 但 Keras 3 的训练分支还有下一节的问题。
# %% [markdown] lang="en"
# What works on both: wrap two calls in `tf.cond` yourself, each with a Python `True` / `False`. The
# Keras 3 training branch still has the problem of the next section, though.

# %%
for name, K in BOTH.items():
    on, off = dropout_switch(K, use_cond=True)
    show(name, "tf.cond, True :", on.ravel())
    show(name, "tf.cond, False:", off.ravel())
    assert (on == 0).any() and (off == 1).all()

# %% [markdown] lang="zh"
# ## 悄悄不同：Dropout 每次都用同一个掩码 { #dropout-mask }
#
# 训练模式下，同一个 `Dropout` 输出连续运行三次。tf_keras 用有状态的随机数操作，每次运行都换一个新掩码。
# Keras 3 用无状态随机数，种子存放在一个变量 `seed_generator_state` 里，
# 每次调用本该把这个种子变量往前推一步，而推进它的赋值操作同样没有被任何取回依赖，从不运行。
# 结果是：在 `Session` 里，Keras 3 的 `Dropout` 每一步训练都丢弃同样的那几个单元。
# 不报错，也没有警告。
# %% [markdown] lang="en"
# ## Silently different: Dropout reuses one mask { #dropout-mask }
#
# The same `Dropout` output, in training mode, is fetched three times in a row. tf_keras uses a
# stateful random op, so every run draws a new `mask`. Keras 3 uses stateless random numbers with
# the seed stored in a variable, `seed_generator_state`. Each call should advance that seed, but
# the assign op that advances it is, again, needed by no fetch and never runs. Under a `Session`,
# Keras 3's `Dropout` therefore drops the very same units at every training step. No error, no
# warning.


# %%
def three_masks(K):
    with fresh_graph() as graph:
        y = K.layers.Dropout(0.5)(tf.ones([1, 10]), training=True)
        state = [v.name for v in tf.compat.v1.global_variables()]
        with tf.compat.v1.Session() as sess:
            sess.run(tf.compat.v1.global_variables_initializer())
            masks = [(sess.run(y) > 0).astype(int).ravel() for _ in range(3)]
    return state, state_writes(graph), masks


for name, K in BOTH.items():
    state, writes, masks = three_masks(K)
    show(name, "variables:", state, "| ops that write variables:", writes)
    for mask in masks:
        show("", "mask:", mask)
    all_same = all((m == masks[0]).all() for m in masks)
    show("", "all three masks equal:", all_same)
    assert all_same == (K is keras)

# %% [markdown] lang="zh"
# ## 悄悄不同：不传 `training` 时的模式 { #learning-phase }
#
# tf_keras 保留了 Keras 2 的“学习阶段”（learning phase）：调用层时不传 `training`，
# 层就跟随一个全局的布尔占位符 `keras_learning_phase`，它默认是 `False`（推理模式），
# 馈送 `1` 就进入训练模式。Keras 3 没有这个东西：`keras.backend.learning_phase` 不存在，
# 不传 `training` 就永远是推理模式，老代码里馈送学习阶段的那一行要么报错，要么（如果删掉）悄悄失效。
# %% [markdown] lang="en"
# ## Silently different: the mode when `training` is not passed { #learning-phase }
#
# tf_keras keeps Keras 2's learning phase: a layer called without `training` follows a global
# boolean placeholder, `keras_learning_phase`, which defaults to `False` (inference mode); feed `1`
# and it switches to training mode. Keras 3 has no such thing: `keras.backend.learning_phase` does
# not exist, and without `training` a layer is always in inference mode. The line in old code that
# feeds the learning phase either raises, or, once deleted, silently stops doing anything.


# %%
def dropout_default_mode(K, phase=None):
    with fresh_graph():
        y = K.layers.Dropout(0.5)(tf.ones([1, 8]))
        feed = {} if phase is None else {K.backend.learning_phase(): phase}
        with tf.compat.v1.Session() as sess:
            sess.run(tf.compat.v1.global_variables_initializer())
            return sess.run(y, feed)


for name, K in BOTH.items():
    show(name, "no training, nothing fed:", dropout_default_mode(K).ravel())
learning = dropout_default_mode(tf_keras, phase=1)
show("tf_keras", "learning_phase fed 1:    ", learning.ravel())
assert (learning == 0).any()
with expect(AttributeError, "module 'keras.backend' has no attribute 'learning_phase'"):
    dropout_default_mode(keras, phase=1)

# %% [markdown] lang="zh"
# ## Keras 3 报错：关闭即时执行后的 `fit` / `predict` { #predict-fit }
#
# tf_keras 带着一整套 TF1 训练循环（`training_v1`）：关闭即时执行后，`compile`、`fit`、`evaluate`、`predict`
# 都在图里运行，损失照常下降（`"sgd"` 会被换成 legacy 优化器）。
# 它还会发出一条 `UserWarning`，下面只打印消息本身。
# Keras 3 的训练循环只支持即时执行或 `tf.function`，关闭即时执行后一调用就报 `RuntimeError`。
# %% [markdown] lang="en"
# ## Keras 3 breaks: `fit` / `predict` with eager execution off { #predict-fit }
#
# tf_keras ships a whole TF1 training loop (`training_v1`): with eager execution off, `compile`,
# `fit`, `evaluate` and `predict` run in the graph and the loss goes down (`"sgd"` is mapped to a
# legacy optimizer). It also emits a `UserWarning`; only its message is printed below. Keras 3's
# training loop only supports eager execution or `tf.function`, so with eager off every call
# raises `RuntimeError`.


# %%
def compiled_model(K):
    model = K.Sequential([K.Input((3,)), K.layers.Dense(1)])
    model.compile(optimizer="sgd", loss="mse")
    return model


with fresh_graph(), warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    model = compiled_model(tf_keras)
    before = model.evaluate(X, T, verbose=0)
    model.fit(X, T, epochs=20, verbose=0)
    after = model.evaluate(X, T, verbose=0)
    prediction = model.predict(X[:2], verbose=0)
show("tf_keras", "optimizer:", type(model.optimizer).__module__)
show("tf_keras", f"evaluate {before:.4f} -> fit 20 epochs -> evaluate {after:.4f}")
show("tf_keras", "predict ->", type(prediction).__name__, prediction.shape)
for message in sorted({f"{w.category.__name__}: {str(w.message).splitlines()[0]}" for w in caught}):
    show("tf_keras", message)
assert after < before / 2 and prediction.shape == (2, 1)

with fresh_graph():
    model = compiled_model(keras)
    with expect(RuntimeError, "only supports Python-style iteration in eager mode"):
        model.fit(X, T, epochs=1, verbose=0)
    with expect(RuntimeError, "only supports Python-style iteration in eager mode"):
        model.evaluate(X, T, verbose=0)
    with expect(RuntimeError, "only supports Python-style iteration in eager mode"):
        model.predict(X[:2], verbose=0)

# %% [markdown] lang="zh"
# ## 读权重：`get_weights()` 与隐藏会话 { #get-weights }
#
# 下面在你自己的会话里把核（kernel）从全 0 赋值成全 1，再调用 `model.get_weights()`。
#
# Keras 3 的 `get_weights()` 要调用 `numpy()`，而它只在即时执行下可用，所以直接报错。
# 在 `Session` 里读 Keras 3 的权重，要 `sess.run(w.value)`。
#
# tf_keras 不报错，但它读的是“当前默认会话”。如果你的会话不是默认会话，
# tf_keras 会自己建一个隐藏会话，在里面重新初始化变量，然后读出初始值——这里是全 0，不是你赋的全 1。
# 包一层 `with sess.as_default():` 才读到你的值。`with tf.compat.v1.Session() as sess:` 本身也会把它设为默认会话，所以也能读对。
# %% [markdown] lang="en"
# ## Reading weights: `get_weights()` and the hidden session { #get-weights }
#
# Below, your own session assigns ones to a kernel that started as zeros, and then
# `model.get_weights()` is called.
#
# Keras 3's `get_weights()` calls `numpy()`, which only works eagerly, so it raises. To read Keras
# 3 weights inside a `Session`, fetch `sess.run(w.value)`.
#
# tf_keras does not raise, but it reads from the *default session*. If your session is not the
# default one, tf_keras creates a hidden session of its own, initializes the variables again in
# it, and returns their initial values: zeros here, not the ones you assigned. Wrap the call in
# `with sess.as_default():` to read your values. `with tf.compat.v1.Session() as sess:` also makes
# the session the default, so it reads them correctly too.


# %%
def weights_after_assign(K, mode):
    with fresh_graph():
        model = K.Sequential([K.Input((3,)), K.layers.Dense(1, kernel_initializer="zeros")])
        kernel = model.weights[0]
        variable = kernel.value if isinstance(kernel, keras.Variable) else kernel
        assign = variable.assign(tf.ones((3, 1)))
        sess = tf.compat.v1.Session()
        with sess if mode == "with Session()" else contextlib.nullcontext():
            sess.run(tf.compat.v1.global_variables_initializer())
            sess.run(assign)
            mine = sess.run(variable).ravel()
            with sess.as_default() if mode == "sess.as_default()" else contextlib.nullcontext():
                theirs = model.get_weights()[0].ravel()
        sess.close()
    return mine, theirs


for mode in ("no default session", "sess.as_default()", "with Session()"):
    mine, theirs = weights_after_assign(tf_keras, mode)
    show("tf_keras", f"{mode:<18} sess.run: {mine}  get_weights(): {theirs}")
    assert (theirs == mine).all() == (mode != "no default session")
with expect(NotImplementedError, "numpy() is only available when eager execution is enabled"):
    weights_after_assign(keras, "sess.as_default()")

# %% [markdown] lang="zh"
# ## Keras 3 报错：`save_weights` { #save-weights }
#
# 同一段保存代码，分别用两种文件名。tf_keras 用老的 `.h5` 格式时能保存，也能载回一个新模型；
# 用 `.weights.h5` 时走新的保存代码，和 Keras 3 一样要调用 `numpy()` 而报错。
# Keras 3 只接受 `.weights.h5`，而它在图模式下报错。两个 `.weights.h5` 报错时**都已经创建了文件**，
# 目录里留下不完整的文件。Keras 3 还顺带发出一条 numpy 2 的 `DeprecationWarning`。
# 这里在临时目录里用相对路径保存，免得报错消息里出现本机路径。
# %% [markdown] lang="en"
# ## Keras 3 breaks: `save_weights` { #save-weights }
#
# One saving snippet, two file names. tf_keras saves to the old `.h5` format and loads the file
# back into a new model. With `.weights.h5` it takes the new saving code, which calls `numpy()` and
# fails just like Keras 3. Keras 3 accepts only `.weights.h5` and fails in graph mode. Both failed
# `.weights.h5` saves **have already created the file**, so incomplete files are left in the folder.
# Keras 3 also emits a numpy 2 `DeprecationWarning` on the way. The files go
# to a temporary folder, by relative path, so no local path shows up in the error messages.


# %%
def save_and_load(K, filename):
    with fresh_graph():
        model = compiled_model(K)
        model.save_weights(filename)
        copy = compiled_model(K)
        copy.load_weights(filename)
        return all((a == b).all() for a, b in zip(model.get_weights(), copy.get_weights()))


with (
    tempfile.TemporaryDirectory() as folder,
    contextlib.chdir(folder),
    warnings.catch_warnings(record=True) as caught,
):
    warnings.simplefilter("always")
    same = save_and_load(tf_keras, "tf_keras.h5")
    show("tf_keras", '"tf_keras.h5" saved and loaded back, weights equal:', same)
    assert same
    with expect(NotImplementedError, "numpy() is only available when eager execution is enabled"):
        save_and_load(tf_keras, "tf_keras.weights.h5")
    with expect(ValueError, "The filename must end in `.weights.h5`"):
        save_and_load(keras, "keras.h5")
    with expect(NotImplementedError, "numpy() is only available when eager execution is enabled"):
        save_and_load(keras, "keras.weights.h5")
    left = sorted(os.listdir("."))
    print("files left in the folder:", left)
    assert "keras.weights.h5" in left
for message in sorted({f"{w.category.__name__}: {str(w.message).split('. ')[0]}" for w in caught}):
    print("warning:", message)

# %% [markdown] lang="zh"
# ## 我的 `tf.keras` 是哪一个？ { #which-keras }
#
# `TF_USE_LEGACY_KERAS` 只在进程里第一次用到 `tf.keras` 时起作用，同一个内核没法既开又关，
# 所以下面用子进程各跑一次同一段代码：一次不设置，一次设置为 `1`。子进程里 TensorFlow 的日志都关掉，只打印标准输出。
#
# 可靠的判断办法是看层的基类来自哪个包：`tf.keras.layers.Layer.__module__` 以 `keras.` 开头就是 Keras 3，
# 以 `tf_keras.` 开头就是 Keras 2。`tf.keras.__name__` 不可靠：一旦执行过 `from tensorflow.keras import ...`，
# 它在两个版本下都会变成 `tensorflow.keras`。`tf.keras.__version__` 在 tf_keras 下干脆不存在（要看 `tf_keras.__version__`）。
#
# 另外几点：`import keras` 永远是 Keras 3，环境变量只改 `tf.keras`；
# `get_session()` 只存在于 tf_keras 的 `tf.compat.v1.keras.backend` 里；`learning_phase()` 也只有 tf_keras 有。
# %% [markdown] lang="en"
# ## Which Keras is my `tf.keras`? { #which-keras }
#
# `TF_USE_LEGACY_KERAS` takes effect when a process first uses `tf.keras`, so one kernel cannot
# have it both on and off. The same code therefore runs in two subprocesses: one without the
# variable, one with it set to `1`. TensorFlow's logging is off in the subprocesses and only their
# standard output is printed.
#
# The reliable check is the package the layer base class comes from: if
# `tf.keras.layers.Layer.__module__` starts with `keras.` it is Keras 3, with `tf_keras.` it is
# Keras 2. `tf.keras.__name__` is not reliable: after any `from tensorflow.keras import ...` it
# reads `tensorflow.keras` under both. `tf.keras.__version__` does not even exist under tf_keras
# (look at `tf_keras.__version__`).
#
# Also: `import keras` is always Keras 3; the variable only changes `tf.keras`. `get_session()`
# only exists in tf_keras's `tf.compat.v1.keras.backend`, and only tf_keras has `learning_phase()`.

# %%
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor


def run_python(code, legacy=False):
    """Run code in a fresh Python; return its stdout (TF's log lines go to stderr)."""
    env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3")
    env.pop("TF_USE_LEGACY_KERAS", None)
    if legacy:
        env["TF_USE_LEGACY_KERAS"] = "1"
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    return done.stdout


# Which package each entry point resolves to, in this order (the last line of output).
PROBE = """
def package(cls):
    return cls.__module__.split(".")[0]
first = package(tf.keras.layers.Layer)
second = package(tf.compat.v1.keras.layers.Layer)
from tensorflow.keras.layers import Layer
print("entry points:", first, second, package(Layer))
"""

WHICH_KERAS = """
import tensorflow as tf
import keras
print("tf.keras.layers.Layer.__module__ :", tf.keras.layers.Layer.__module__)
print("tf.keras.__name__                :", tf.keras.__name__)
print("tf.keras.__version__             :", getattr(tf.keras, "__version__", "(missing)"))
print("import keras -> keras.__version__:", keras.__version__)
print("compat.v1 backend.get_session    :", hasattr(tf.compat.v1.keras.backend, "get_session"))
print("tf.keras.backend.get_session     :", hasattr(tf.keras.backend, "get_session"))
print("tf.keras.backend.learning_phase  :", hasattr(tf.keras.backend, "learning_phase"))
from tensorflow.keras import layers
print("tf.keras.__name__ after from-import:", tf.keras.__name__)
"""

with ThreadPoolExecutor(max_workers=2) as pool:
    runs = {
        setting: pool.submit(run_python, WHICH_KERAS + PROBE, legacy=(setting == "1"))
        for setting in ("unset", "1")
    }
outputs = {setting: run.result() for setting, run in runs.items()}
for setting, out in outputs.items():
    print(f"--- TF_USE_LEGACY_KERAS {setting}")
    print(out, end="")
assert "keras.src." in outputs["unset"] and "tf_keras.src." in outputs["1"]
assert "get_session    : True" in outputs["1"] and "get_session    : False" in outputs["unset"]

# %% [markdown] lang="zh"
# ## `TF_USE_LEGACY_KERAS` 要在导入 TensorFlow 之前设置 { #env-timing }
#
# 常见的说法是：这个环境变量必须在 `import tensorflow` 之前设置，之后再设就没用了。
# 实际情况更麻烦一些。TensorFlow 2.21 里有三个入口各自决定用哪个 Keras：
#
# - `tf.keras` 和 `tf.compat.v1.keras` 是两个独立的懒加载模块，**各自在第一次被访问时**读取环境变量；
# - `from tensorflow.keras... import ...` 走的是 `import tensorflow` 那一刻就定好的模块搜索路径。
#
# 上一节的两个子进程最后一行已经打印了三个入口各自拿到的包名（`keras` 或 `tf_keras`）：那是不设置，和在 Python 启动前就设置。
# 下面再起两个子进程，分别在导入 TensorFlow 之后、以及用过 `tf.keras` 之后才设置变量，再按同样的顺序访问三个入口。
# 只有在导入之前设置，三个入口才一致。晚了设置不是“没用”，而是更糟：同一个进程里混进两个 Keras。
# %% [markdown] lang="en"
# ## Set `TF_USE_LEGACY_KERAS` before importing TensorFlow { #env-timing }
#
# The usual advice: set the variable before `import tensorflow`; setting it later has no effect.
# The truth is messier. In TensorFlow 2.21, three entry points decide on their own which Keras
# they use:
#
# - `tf.keras` and `tf.compat.v1.keras` are two separate lazy modules, and **each reads the
#   variable when it is first accessed**;
# - `from tensorflow.keras... import ...` uses a module search path fixed at `import tensorflow`
#   time.
#
# The last line printed by each subprocess of the previous section already names the package
# (`keras` or `tf_keras`) each entry point got: with the variable unset, and set before Python
# starts. Two more subprocesses set it only after importing TensorFlow, and only after using
# `tf.keras`, then touch the three entry points in the same order. Only setting it before
# the import makes all three agree. Setting it late does not do "nothing": it does worse, mixing
# two Kerases in one process.

# %%
LATE = {
    "set after import tensorflow": "import tensorflow as tf\nos.environ['TF_USE_LEGACY_KERAS'] = '1'",
    "set after tf.keras was used": (
        "import tensorflow as tf\ntf.keras.layers.Dense\nos.environ['TF_USE_LEGACY_KERAS'] = '1'"
    ),
}

with ThreadPoolExecutor(max_workers=2) as pool:
    runs = {
        name: pool.submit(run_python, f"import os\n{setup}\n{PROBE}")
        for name, setup in LATE.items()
    }
outputs |= {name: run.result() for name, run in runs.items()}
got = {
    name: outputs[key].splitlines()[-1].split()[2:]
    for name, key in [
        ("not set", "unset"),
        ("set before Python starts", "1"),
        *[(name, name) for name in LATE],
    ]
}
print(f"{'TF_USE_LEGACY_KERAS':<30}{'tf.keras':<10}{'tf.compat.v1.keras':<20}from tensorflow.keras")
for name, packages in got.items():
    print(f"{name:<30}{packages[0]:<10}{packages[1]:<20}{packages[2]}")
assert got["not set"] == ["keras"] * 3
assert got["set before Python starts"] == ["tf_keras"] * 3
assert got["set after import tensorflow"] == ["tf_keras", "tf_keras", "keras"]
assert got["set after tf.keras was used"] == ["keras", "tf_keras", "keras"]

# %% [markdown] lang="zh"
# 所以最稳妥的做法是在启动 Python 之前就设置好，例如 `TF_USE_LEGACY_KERAS=1 python train.py`；
# 或者写在入口脚本的最前面，在任何 `import` 之前（别的库可能在导入时就碰了 `tf.keras`）。
# 启动后用上一节的 `tf.keras.layers.Layer.__module__` 检查一遍。
# %% [markdown] lang="en"
# The safe way is to set it before Python starts, e.g. `TF_USE_LEGACY_KERAS=1 python train.py`, or
# at the very top of the entry script, before any `import` (another library may touch `tf.keras`
# while it is imported). Then check with `tf.keras.layers.Layer.__module__` from the previous
# section.

# %% [markdown] lang="zh"
# ## 什么时候选 `TF_USE_LEGACY_KERAS=1` { #when-legacy }
#
# 对照上面的表，只要你的 TF1 图代码有下面任何一条，就设置 `TF_USE_LEGACY_KERAS=1`（并安装与 TensorFlow
# 版本相同的 `tf_keras`）。Keras 3 在这些地方要么报错，要么更糟，悄悄算错：
#
# - 用 `Session` 训练含 `Dropout` 或 `BatchNormalization` 的模型：Keras 3 的掩码不变、移动平均不更新，
#   而且[没有报错](#dropout-mask)，也[没有办法拿到更新操作](#batchnorm)。
# - 用布尔占位符或 `learning_phase()` 在训练和推理之间切换（[占位符](#dropout-placeholder)、[学习阶段](#learning-phase)）。
# - 关闭即时执行后还在用 `fit` / `evaluate` / `predict`、`get_weights`、`save_weights`
#   （[训练循环](#predict-fit)、[读权重](#get-weights)、[保存](#save-weights)）。
# - 用 Keras 优化器训练图（[Keras 优化器](#keras-optimizers)）。
# - 按变量名恢复 `Saver` 检查点、按名字取回张量，或在同一进程里重复建图（[变量名](#variable-names)、[张量名](#dense-placeholder)）。
# - 调用 `get_session()`、`K.learning_phase()` 等 Keras 2 的后端函数（[检查](#which-keras)）。
#
# 只有在这种情况下 Keras 3 才够用：层只当作无状态的计算块（`Dense`、卷积等，不含 `Dropout` / `BatchNormalization` 的训练），
# 用 `tf.compat.v1.train` 优化器训练（[两边都行](#v1-optimizers)），用 `sess.run(w.value)` 读权重，
# 而且代码不依赖图里的名字。
#
# 选了 legacy 也要记住：tf_keras 的 `get_weights()` 读的是默认会话，记得 `sess.as_default()`；
# `BatchNormalization` 的更新要自己运行层的 `updates`；`import keras` 仍然是 Keras 3，要写 `tf.keras` 或 `import tf_keras`。
# tf_keras 只是过渡方案：Keras 3 是为即时执行和 `tf.function` 设计的，长期还是应当把代码迁过去。
#
# 层的构建（`build`）与调用（`call`）的细节见[层的生命周期](layer-lifecycle.md)，
# `training` 和 `mask` 参数见[训练模式与掩码](training-and-mask.md)。
# %% [markdown] lang="en"
# ## When to choose `TF_USE_LEGACY_KERAS=1` { #when-legacy }
#
# Going by the table, set `TF_USE_LEGACY_KERAS=1` (and install the `tf_keras` that matches your
# TensorFlow version) if your TF1 graph code does any of the following. Keras 3 either raises there
# or, worse, silently computes the wrong thing:
#
# - Trains a model with `Dropout` or `BatchNormalization` through a `Session`: under Keras 3 the
#   mask never changes and the moving averages never update, [with no error](#dropout-mask) and
#   [no way to get the update ops](#batchnorm).
# - Switches between training and inference with a boolean placeholder or `learning_phase()`
#   ([placeholder](#dropout-placeholder), [learning phase](#learning-phase)).
# - Calls `fit` / `evaluate` / `predict`, `get_weights` or `save_weights` with eager execution off
#   ([training loop](#predict-fit), [reading weights](#get-weights), [saving](#save-weights)).
# - Trains the graph with a Keras optimizer ([Keras optimizers](#keras-optimizers)).
# - Restores `Saver` checkpoints by variable name, fetches tensors by name, or builds graphs
#   repeatedly in one process ([variable names](#variable-names), [tensor names](#dense-placeholder)).
# - Calls Keras 2 backend functions such as `get_session()` or `K.learning_phase()`
#   ([check](#which-keras)).
#
# Keras 3 is enough only when layers are stateless building blocks (`Dense`, convolutions, and no
# training of `Dropout` / `BatchNormalization`), training uses `tf.compat.v1.train` optimizers
# ([fine on both](#v1-optimizers)), weights are read with `sess.run(w.value)`, and nothing depends on
# names in the graph.
#
# With legacy Keras, remember: tf_keras's `get_weights()` reads the default session, so use
# `sess.as_default()`; run the layer's `updates` yourself for `BatchNormalization`; and `import keras` is
# still Keras 3, so write `tf.keras` or `import tf_keras`. tf_keras is a bridge: Keras 3 is built
# for eager execution and `tf.function`, and in the long run that is where the code should go.
#
# For how layers `build` and `call`, see [the layer lifecycle](layer-lifecycle.md); for the
# `training` and `mask` arguments, see [training mode and masks](training-and-mask.md).
