# %% [markdown] lang="zh"
# # Keras 3 与 tf_keras 在 Session 下的差异
#
# TF 2.21 的 `tf.keras` 就是 Keras 3；旧的 Keras 2 是 `tf_keras` 包，设置 `TF_USE_LEGACY_KERAS=1` 后 `tf.keras` 指向它。
# 本页把 TF1 图代码（占位符（`placeholder`）、会话（`Session`））在两边各跑一遍：
# 哪些相同，哪些 Keras 3 报错，哪些不报错却悄悄算得不同。每行的类别链接到证据。
# 取回（`fetch`）、掩码（`mask`）、推理模式（inference mode）等术语见[术语表](glossary.md)。
#
# | 类别 | 写法 | Keras 3（`keras` = `tf.keras`） | tf_keras（Keras 2） |
# |---|---|---|---|
# | [相同](#dense-placeholder) | 占位符 → `Dense` → `global_variables_initializer` → `sess.run` | 可用，取回 `ndarray` | 同左 |
# | [Keras 3 报错](#weights) | `sess.run(layer.kernel)` | `TypeError`：权重是 `keras.Variable`，要取 `.value` | 可用：权重就是 `tf.Variable` |
# | [Keras 3 报错](#predict-fit) | `fit` / `evaluate` / `predict` | `RuntimeError` | 可用 |
# | [Keras 3 报错](#get-weights) | `model.get_weights()` | `NotImplementedError` | 可用（见“悄悄不同”） |
# | [Keras 3 报错](#save-weights) | `model.save_weights(...)` | `NotImplementedError`，留下半个文件 | `.h5` 可用；`.weights.h5` 同样报错 |
# | [Keras 3 报错](#which-keras) | `tf.compat.v1.keras.backend.get_session()`、`tf.keras.backend.learning_phase()` | 都不存在 | 都在 |
# | [悄悄不同](#variable-names) | 同一进程里重建模型 | 变量名接着编号，`Saver.restore` 报 `NotFoundError`；重建前调用 `clear_session()`，或给 `Saver` 传 `var_list` 映射 | 每张图从头编号，能恢复 |
# | [悄悄不同](#dense-placeholder) | 输出张量名（按字符串取回） | `dense_1/BiasAdd:0` | `dense/BiasAdd:0` |
# | [悄悄不同](#get-weights) | 没有默认会话时 `get_weights()` | （报错） | 读 Keras 自己的隐藏会话，不是你的 |
#
# 训练（优化器、`BatchNormalization`、`Dropout`、学习阶段（learning phase））见[下一页](keras3-vs-tf-keras-training.md)。
# 结论见[最后一节](#when-legacy)。
# %% [markdown] lang="en"
# # Keras 3 vs tf_keras under Session
#
# In TF 2.21, `tf.keras` is Keras 3; the old Keras 2 is the `tf_keras` package, and
# `TF_USE_LEGACY_KERAS=1` points `tf.keras` to it. This page runs TF1 graph code (placeholders,
# `Session.run`) on both: what is the same, what breaks under Keras 3, and what silently computes
# something else. Each row's kind links to the proof. Terms: [glossary](glossary.md).
#
# | Kind | Code | Keras 3 (`keras` = `tf.keras`) | tf_keras (Keras 2) |
# |---|---|---|---|
# | [Same](#dense-placeholder) | placeholder → `Dense` → `global_variables_initializer` → `sess.run` | works; fetches `ndarray` | same |
# | [Keras 3 breaks](#weights) | `sess.run(layer.kernel)` | `TypeError`: weights are `keras.Variable`; fetch `.value` | works: weights are `tf.Variable` |
# | [Keras 3 breaks](#predict-fit) | `fit` / `evaluate` / `predict` | `RuntimeError` | work |
# | [Keras 3 breaks](#get-weights) | `model.get_weights()` | `NotImplementedError` | works (see "silently different") |
# | [Keras 3 breaks](#save-weights) | `model.save_weights(...)` | `NotImplementedError`, and a half-written file | `.h5` works; `.weights.h5` fails too |
# | [Keras 3 breaks](#which-keras) | `tf.compat.v1.keras.backend.get_session()`, `tf.keras.backend.learning_phase()` | neither exists | both exist |
# | [Silently different](#variable-names) | rebuilding a model in the same process | names keep counting; `Saver.restore` raises `NotFoundError`; call `clear_session()` before the rebuild, or give `Saver` a `var_list` mapping | each graph starts again; restore works |
# | [Silently different](#dense-placeholder) | names of output tensors (fetching by string) | `dense_1/BiasAdd:0` | `dense/BiasAdd:0` |
# | [Silently different](#get-weights) | `get_weights()` with no default session | (raises) | reads Keras's hidden session, not yours |
#
# Training (optimizers, `BatchNormalization`, `Dropout`, the learning phase) is on
# [the next page](keras3-vs-tf-keras-training.md). The verdict is in [the last section](#when-legacy).

# %% [markdown] lang="zh"
# ## 准备
#
# 一个内核能同时导入两者：`import keras` 是 Keras 3（与 `tf.keras` 同一套类），`import tf_keras` 是 Keras 2。
# 先关闭即时执行（eager execution），进入图模式（graph mode）。tf_keras 的弃用日志带本机路径，日志级别调到 `ERROR`。
# %% [markdown] lang="en"
# ## Setup
#
# One kernel imports both: `import keras` is Keras 3 (the same classes as `tf.keras`), `import
# tf_keras` is Keras 2. Eager execution goes off first: all below is graph mode. tf_keras's
# deprecation logs hold local paths, so the log level is `ERROR`.

# %%
import os

os.environ["TF_CPP_MIN_LOG_LEVEL"] = "3"

import numpy as np
import tensorflow as tf

tf.compat.v1.disable_eager_execution()
tf.keras.utils.set_random_seed(0)
np.random.seed(0)
tf.compat.v1.set_random_seed(0)
tf.get_logger().setLevel("ERROR")

import contextlib
import warnings

import keras
import tf_keras

BOTH = {"keras": keras, "tf_keras": tf_keras}

print("TF", tf.__version__, "| keras", keras.__version__, "| tf_keras", tf_keras.__version__)
print("tf.keras is keras:", tf.keras.layers.Dense is keras.layers.Dense)
assert tf.keras.layers.Dense is keras.layers.Dense and not tf.executing_eagerly()

# %% [markdown] lang="zh"
# 小工具：`fresh_graph()` 给每例一张新的默认图（固定种子），`show()` 每个版本打印一行。
# %% [markdown] lang="en"
# Helpers: `fresh_graph()` gives each snippet a new default graph (fixed seed), `show()` prints one
# line per Keras.


# %%
@contextlib.contextmanager
def fresh_graph():
    with tf.Graph().as_default() as graph:
        tf.compat.v1.set_random_seed(0)
        yield graph


def show(name, *values):
    print(f"{name:<8} |", *values)


# %% [markdown] lang="zh"
# ## 相同：占位符上的 Dense { #dense-placeholder }
#
# 最基本的 TF1 写法：占位符输入，调用 `Dense`，运行初始化器，取回输出。两边都取回同形状的 numpy 数组（数值不同，因随机初始化不同）。
#
# 但输出张量名不同：Keras 3 建变量时已用掉名字作用域 `dense`，调用只能用 `dense_1`。
# 按字符串取回（`sess.run("dense/BiasAdd:0")`）的老代码在 Keras 3 下报错。
# %% [markdown] lang="en"
# ## Same: a Dense layer on a placeholder { #dense-placeholder }
#
# The most basic TF1 pattern: a placeholder input, a `Dense` layer, the initializer, a fetch. Both
# fetch a numpy array of the same shape (the numbers differ: different random initializers).
#
# The output tensor's name differs: Keras 3 used the name scope `dense` for the variables, so the
# call gets `dense_1`. Old code fetching by string (`sess.run("dense/BiasAdd:0")`) fails under
# Keras 3.


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
    show(name, type(value).__name__, value.shape, "| tensor:", tensor_name)
    assert isinstance(value, np.ndarray) and value.shape == (4, 2)

_, value = dense_on_placeholder(tf_keras, fetch_by_name=True)
show("tf_keras", 'sess.run("dense/BiasAdd:0") ->', value.shape)
with expect(ValueError, "'dense/BiasAdd:0' refers to a Tensor which does not exist"):
    dense_on_placeholder(keras, fetch_by_name=True)

# %% [markdown] lang="zh"
# ## Keras 3 报错：权重不是 `tf.Variable` { #weights }
#
# tf_keras 的权重就是 `tf.Variable`，能直接 `sess.run`。Keras 3 的权重是 `keras.Variable`：
# 包着一个 `tf.Variable`，自己却不是，`Session.run` 不认，要取回它的 `.value`。
# 全局变量集合两边都只有 `tf.Variable`，`global_variables_initializer` 照常工作。
# Keras 3 的 `w.name` 只是 `kernel`，完整路径在 `w.path`，不带 `:0`。
# %% [markdown] lang="en"
# ## Keras 3 breaks: weights are not `tf.Variable` { #weights }
#
# tf_keras weights are `tf.Variable`s that `sess.run` fetches directly. Keras 3 weights are
# `keras.Variable`s: each wraps a `tf.Variable` but is not one, so `Session.run` rejects it; fetch
# its `.value`. The global-variables collection holds plain `tf.Variable`s under both, so
# `global_variables_initializer` works. Keras 3's `w.name` is just `kernel`; the path is `w.path`,
# with no `:0`.


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
    kernel, in_graph, value = fetch_kernel(K, use_value=(K is keras))
    is_keras, is_tf = isinstance(kernel, keras.Variable), isinstance(kernel, tf.Variable)
    show(name, "keras.Variable:", is_keras, "| tf.Variable:", is_tf, "| name:", kernel.name)
    path = getattr(kernel, "path", "-")
    show("", "path:", path, "| global_variables():", in_graph, "| fetched:", type(value).__name__)
    assert is_keras == (K is keras) and is_tf == (K is tf_keras)
    assert isinstance(kernel.value if is_keras else kernel, tf.Variable)
with expect(TypeError, 'has invalid type "Variable"'):
    fetch_kernel(keras)

# %% [markdown] lang="zh"
# ## 悄悄不同：重建模型时的变量名 { #variable-names }
#
# TF1 检查点（`tf.compat.v1.train.Saver`）按变量名保存和恢复。tf_keras 按图编号：新图里重建，变量名不变。
# Keras 3 按进程编号：第二次构建变成 `sequential_1/dense_1/...`，用第一次的检查点恢复就找不到变量，
# 报 `NotFoundError: Key sequential_1/dense_1/bias not found in checkpoint`。
# 下面先调用 `keras.backend.clear_session()` 把编号清零，让第一次构建的名字干净；两种修法在后面。
# %% [markdown] lang="en"
# ## Silently different: variable names of a rebuilt model { #variable-names }
#
# TF1 checkpoints (`tf.compat.v1.train.Saver`) save and restore by variable name. tf_keras numbers
# layers per graph: a rebuild in a new graph gets the same names. Keras 3 numbers them per process:
# the second build becomes `sequential_1/dense_1/...`, and the first build's checkpoint cannot
# restore it: `NotFoundError: Key sequential_1/dense_1/bias not found in checkpoint`. Below, `keras.backend.clear_session()` first resets the counters so the first build
# gets clean names. Two fixes follow.


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
# 第一种修法：重建前也调用 `keras.backend.clear_session()`。编号清零，重建的模型拿回第一次的名字，直接恢复。
# 保存前先把每个权重加 1，这样恢复出的值不可能碰巧等于新初始化的值；恢复时不运行初始化器，逐个比较。
# %% [markdown] lang="en"
# Fix one: call `keras.backend.clear_session()` before the rebuild too. The counters restart, the
# rebuilt model gets the first build's names, and the restore works. Every weight gets 1 added
# before saving, so the restored values cannot match a fresh initialization by chance; the restore
# runs no initializer, and the values are compared one by one.


# %%
def keras3_sequential():
    model = keras.Sequential([keras.layers.Dense(2)])
    model(tf.compat.v1.placeholder(tf.float32, [None, 3]))
    return model


def save_model(build, folder):
    """Build, initialize, add 1 to every weight, save: the path and the saved values."""
    with fresh_graph():
        model = build()
        with tf.compat.v1.Session() as sess:
            sess.run(tf.compat.v1.global_variables_initializer())
            sess.run([w.value.assign_add(tf.ones_like(w.value)) for w in model.weights])
            saved = sess.run([w.value for w in model.weights])
            path = tf.compat.v1.train.Saver().save(sess, os.path.join(folder, "ckpt"))
    return path, saved


def restore_model(build, path, var_list=None):
    """Rebuild in a new graph, restore (no initializer): graph names and restored values."""
    with fresh_graph():
        model = build()
        names = [w.value.name for w in model.weights]
        saver = tf.compat.v1.train.Saver(var_list(model) if var_list else None)
        with tf.compat.v1.Session() as sess:
            saver.restore(sess, path)
            restored = sess.run([w.value for w in model.weights])
    return names, restored


def same_values(a, b):
    return all((x == y).all() for x, y in zip(a, b, strict=True))


with tempfile.TemporaryDirectory() as folder:
    keras.backend.clear_session()
    path, saved = save_model(keras3_sequential, folder)
    keras.backend.clear_session()  # the fix: counters back to zero before the rebuild
    names, restored = restore_model(keras3_sequential, path)
show("keras", "rebuilt after clear_session():", names)
show("keras", "restored values equal the saved ones:", same_values(saved, restored))
assert names == ["sequential/dense/kernel:0", "sequential/dense/bias:0"]
assert same_values(saved, restored)

# %% [markdown] lang="zh"
# 第二种修法：不清零，给 `Saver` 传 `var_list={检查点里的键: 变量}`，按这张映射恢复。
#
# 映射要知道检查点里的键。子类化模型（subclassed model）的键很特别：只有模型名加 `kernel`、`kernel_1` 这样的序号，
# 层名（这里特意起名 `first`、`second`）一个也没有，序号就是权重创建的先后，原因见[子类化模型](subclassed-models.md#weight-names)。
# 重建后模型名变成 `net_1`，把图里变量名开头的模型名换回 `net`、去掉 `:0`，就是检查点里的键。
# %% [markdown] lang="en"
# Fix two: leave the counters alone and give `Saver` a `var_list={checkpoint_key: variable}`
# mapping to restore by.
#
# The mapping needs the checkpoint's keys. Those of a subclassed model are peculiar: the model name
# plus a position, `kernel`, `kernel_1`, with no layer name at all (the layers here are named
# `first` and `second` on purpose). The number is the order in which the weights were created; why,
# see [subclassed models](subclassed-models.md#weight-names). The rebuilt model is named `net_1`;
# put `net` back in front of each graph variable name and drop the `:0`, and you have its key.


# %%
class Net(keras.Model):
    def __init__(self):
        super().__init__()
        self.first = keras.layers.Dense(4, name="first")
        self.second = keras.layers.Dense(2, name="second")

    def call(self, x):
        return self.second(self.first(x))


def keras3_net():
    model = Net()
    model(tf.compat.v1.placeholder(tf.float32, [None, 3]))
    return model


def by_checkpoint_key(model):  # graph name "net_1/kernel_1:0" -> key "net/kernel_1"
    return {
        "net/" + w.value.name.split("/", 1)[1].removesuffix(":0"): w.value for w in model.weights
    }


with tempfile.TemporaryDirectory() as folder:
    keras.backend.clear_session()
    path, saved = save_model(keras3_net, folder)
    keys = tf.train.list_variables(path)
    names, restored = restore_model(keras3_net, path, var_list=by_checkpoint_key)
print("checkpoint keys:", keys)
show("keras", "rebuilt:", names)
show("keras", "restored with var_list, values equal the saved ones:", same_values(saved, restored))
assert [key for key, _ in keys] == ["net/bias", "net/bias_1", "net/kernel", "net/kernel_1"]
assert names[0] == "net_1/kernel:0" and same_values(saved, restored)

# %% [markdown] lang="zh"
# ## Keras 3 报错：图模式下的 `fit` / `predict` { #predict-fit }
#
# tf_keras 带着整套 TF1 训练循环（`training_v1`）：关闭即时执行后，`compile`、`fit`、`evaluate`、`predict`
# 在图里运行，损失照常下降（`"sgd"` 换成 legacy 优化器），另有一条 `UserWarning`。
# Keras 3 的训练循环只支持即时执行或 `tf.function`，一调用就报 `RuntimeError`。
# %% [markdown] lang="en"
# ## Keras 3 breaks: `fit` / `predict` with eager execution off { #predict-fit }
#
# tf_keras ships a whole TF1 training loop (`training_v1`): with eager execution off, `compile`,
# `fit`, `evaluate` and `predict` run in the graph and the loss goes down (`"sgd"` maps to a legacy
# optimizer), plus a `UserWarning`. Keras 3's training loop only supports eager execution or
# `tf.function`, so every call raises `RuntimeError`.


# %%
X = np.random.rand(8, 3).astype(np.float32)
T = X.sum(axis=1, keepdims=True)


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
# 下面在你的会话里把核（kernel）从全 0 赋值成全 1，再调用 `model.get_weights()`。
#
# Keras 3 的 `get_weights()` 要调用只在即时执行下可用的 `numpy()`，所以报错；在 `Session` 里要 `sess.run(w.value)`。
#
# tf_keras 不报错，但读的是默认会话。你的会话不是默认时，它自建隐藏会话，重新初始化变量，读出全 0 而非你赋的全 1。
# 包一层 `with sess.as_default():` 才读对；`with tf.compat.v1.Session() as sess:` 也设为默认会话。
# %% [markdown] lang="en"
# ## Reading weights: `get_weights()` and the hidden session { #get-weights }
#
# Below, your session assigns ones to a kernel that started as zeros, then `model.get_weights()`
# is called.
#
# Keras 3's `get_weights()` calls `numpy()`, which only works eagerly, so it raises; in a
# `Session`, fetch `sess.run(w.value)`.
#
# tf_keras does not raise, but reads the *default session*. If yours is not the default, it
# creates a hidden session, initializes the variables again, and returns zeros, not your ones. Wrap
# the call in `with sess.as_default():`; `with tf.compat.v1.Session() as sess:` also sets the default.


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
# 同一段保存代码，两种文件名。tf_keras 用老的 `.h5` 格式能保存，也能载回新模型；
# `.weights.h5` 走新代码，和 Keras 3 一样调用 `numpy()` 而报错。
# Keras 3 只接受 `.weights.h5`，而它在图模式下报错。两个报错**都已创建了文件**，留下残缺文件。
# Keras 3 还发出一条 numpy 2 的 `DeprecationWarning`。
# %% [markdown] lang="en"
# ## Keras 3 breaks: `save_weights` { #save-weights }
#
# One saving snippet, two file names. tf_keras saves the old `.h5` format and loads it back into a
# new model; `.weights.h5` takes the new code, which calls `numpy()` and fails like Keras 3. Keras 3
# accepts only `.weights.h5`, and fails in graph mode. Both failures **have already created the
# file**, leaving incomplete files. Keras 3 also emits a numpy 2 `DeprecationWarning`.


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
    contextlib.chdir(folder),  # no local paths in messages
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
# `TF_USE_LEGACY_KERAS` 在进程第一次用 `tf.keras` 时生效，一个内核没法既开又关，
# 所以同一段代码在两个子进程里各跑一次：不设置，和设为 `1`。
#
# 可靠的判断是层基类来自哪个包：`tf.keras.layers.Layer.__module__` 以 `keras.` 开头是 Keras 3，以 `tf_keras.` 开头是 Keras 2。
# `tf.keras.__name__` 不可靠：执行过 `from tensorflow.keras import ...` 后两边都是 `tensorflow.keras`。
# `tf.keras.__version__` 在 tf_keras 下不存在（看 `tf_keras.__version__`）。
# `import keras` 永远是 Keras 3；`get_session()` 只在 tf_keras 的 `tf.compat.v1.keras.backend` 里，`learning_phase()` 也只有 tf_keras 有。
# %% [markdown] lang="en"
# ## Which Keras is my `tf.keras`? { #which-keras }
#
# `TF_USE_LEGACY_KERAS` takes effect when a process first uses `tf.keras`, so one kernel cannot
# have it both on and off. The same code runs in two subprocesses: without the variable, and with
# `1`.
#
# The reliable check is the package of the layer base class: if `tf.keras.layers.Layer.__module__`
# starts with `keras.` it is Keras 3, with `tf_keras.` Keras 2. `tf.keras.__name__` is not: after
# any `from tensorflow.keras import ...` it reads `tensorflow.keras` under both.
# `tf.keras.__version__` does not exist under tf_keras (see `tf_keras.__version__`). `import keras`
# is always Keras 3; `get_session()` only exists in tf_keras's `tf.compat.v1.keras.backend`, and
# only tf_keras has `learning_phase()`.

# %%
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor


def run_python(code, legacy=False):
    """stdout of code run in a fresh Python (TF's logs go to stderr)."""
    env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3")
    env.pop("TF_USE_LEGACY_KERAS", None)
    if legacy:
        env["TF_USE_LEGACY_KERAS"] = "1"
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    return done.stdout


# Last output line: the package behind each entry point, in this order.
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

SETTINGS = {"not set": False, "set before Python starts": True}
with ThreadPoolExecutor(max_workers=2) as pool:
    runs = {name: pool.submit(run_python, WHICH_KERAS + PROBE, on) for name, on in SETTINGS.items()}
outputs = {name: run.result() for name, run in runs.items()}
for name, out in outputs.items():
    print(f"--- TF_USE_LEGACY_KERAS {name}\n{out}", end="")
on, off = outputs["set before Python starts"], outputs["not set"]
assert "keras.src." in off and "tf_keras.src." in on
assert "get_session    : True" in on and "get_session    : False" in off

# %% [markdown] lang="zh"
# ## `TF_USE_LEGACY_KERAS` 要在导入 TensorFlow 前设置 { #env-timing }
#
# 常见说法：这个变量要在 `import tensorflow` 之前设置，之后再设没用。实际更麻烦，TF 2.21 的三个入口各自决定用哪个 Keras：
#
# - `tf.keras` 和 `tf.compat.v1.keras` 是两个独立的懒加载模块，**各自在首次访问时**读取变量；
# - `from tensorflow.keras... import ...` 用 `import tensorflow` 时定好的模块搜索路径。
#
# 上一节输出的最后一行是三个入口拿到的包。下面两个子进程在导入 TensorFlow 后或用过 `tf.keras` 后才设置，
# 再按同样顺序访问三个入口。只有导入前设置，三者才一致；晚设置不是“没用”，而是更糟：一个进程里混进两个 Keras。
# %% [markdown] lang="en"
# ## Set `TF_USE_LEGACY_KERAS` before importing TensorFlow { #env-timing }
#
# The usual advice: set the variable before `import tensorflow`; later it has no effect. The truth
# is messier: in TF 2.21, three entry points each decide which Keras they use:
#
# - `tf.keras` and `tf.compat.v1.keras` are separate lazy modules, and **each reads the variable
#   when it is first accessed**;
# - `from tensorflow.keras... import ...` uses a module search path fixed at `import tensorflow`.
#
# The last output line above names the package each entry point got. Two more subprocesses set the
# variable only after importing TensorFlow, or after using `tf.keras`, then touch the three entry
# points in the same order. Only setting it before the import makes all three agree. Setting it
# late is not "no effect" but worse: two Kerases mixed in one process.

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
got = {name: out.splitlines()[-1].split()[2:] for name, out in outputs.items()}
print(f"{'TF_USE_LEGACY_KERAS':<30}{'tf.keras':<10}{'tf.compat.v1.keras':<20}from tensorflow.keras")
for name, packages in got.items():
    print(f"{name:<30}{packages[0]:<10}{packages[1]:<20}{packages[2]}")
assert got["not set"] == ["keras"] * 3
assert got["set before Python starts"] == ["tf_keras"] * 3
assert got["set after import tensorflow"] == ["tf_keras", "tf_keras", "keras"]
assert got["set after tf.keras was used"] == ["keras", "tf_keras", "keras"]

# %% [markdown] lang="zh"
# 最稳妥的是启动 Python 前设置，如 `TF_USE_LEGACY_KERAS=1 python train.py`，或写在入口脚本最前面、任何 `import` 之前
# （别的库可能导入时就碰了 `tf.keras`），再用上一节的 `tf.keras.layers.Layer.__module__` 检查。
# %% [markdown] lang="en"
# The safe way: set it before Python starts, e.g. `TF_USE_LEGACY_KERAS=1 python train.py`, or at
# the very top of the entry script, before any `import` (a library may touch `tf.keras` while it is
# imported). Then check `tf.keras.layers.Layer.__module__` as in the previous section.

# %% [markdown] lang="zh"
# ## 什么时候选 `TF_USE_LEGACY_KERAS=1` { #when-legacy }
#
# TF1 图代码有下面任何一条，又不打算改写，就设置 `TF_USE_LEGACY_KERAS=1`（并安装同版本的 `tf_keras`）。
# 原样照搬时，这些地方 Keras 3 要么报错，要么悄悄算错：
#
# - 用 `Session` 训练含 `Dropout` 或 `BatchNormalization` 的模型，只取回训练操作：Keras 3 [掩码不变](keras3-vs-tf-keras-training.md#dropout-mask)、
#   [移动平均不更新](keras3-vs-tf-keras-training.md#batchnorm)，也不报错。
# - 用[布尔占位符](keras3-vs-tf-keras-training.md#dropout-placeholder)或 [`learning_phase()`](keras3-vs-tf-keras-training.md#learning-phase) 切换训练与推理。
# - 关闭即时执行后用 [`fit` / `evaluate` / `predict`](#predict-fit)、[`get_weights`](#get-weights)、[`save_weights`](#save-weights)。
# - 用 [Keras 优化器](keras3-vs-tf-keras-training.md#keras-optimizers)训练图，或给 `tf.compat.v1.train` 优化器传 [`var_list=model.trainable_weights`](keras3-vs-tf-keras-training.md#v1-optimizers)。
# - 按[名字取回张量](#dense-placeholder)；或在一个进程里反复建图，再按[变量名](#variable-names)恢复 `Saver` 检查点。
# - 调用 `get_session()`、`K.learning_phase()` 等 [Keras 2 后端函数](#which-keras)。
#
# 不用 legacy 也行，但要按本页和[训练那页](keras3-vs-tf-keras-training.md)改代码：
#
# - `Dropout`、`BatchNormalization` 的调用包进 `tf.function`（或另外运行它们的赋值操作，见 [BatchNormalization](keras3-vs-tf-keras-training.md#batchnorm) 与 [Dropout](keras3-vs-tf-keras-training.md#dropout-mask)）；
#   要切换训练与推理，在 `tf.function` 里用 `tf.cond`（见[训练模式](training-mode.md)）。
# - 训练循环自己写（不用 `fit`），用 [`tf.compat.v1.train` 优化器](keras3-vs-tf-keras-training.md#v1-optimizers)，`var_list` 传 `w.value`；
#   用 `sess.run(w.value)` 读权重，用 `Saver` 存取权重（不用 `save_weights`）。
# - 每次构建前调用 `keras.backend.clear_session()`，或给 `Saver` 传 [`var_list` 映射](#variable-names)；取回张量对象，不要写死张量名。
#
# 层是无状态的计算块（`Dense`、卷积等）时，第一条可以省掉。
#
# 选了 legacy 也要记住：`get_weights()` 读默认会话，要 `sess.as_default()`；`BatchNormalization` 要自己运行 `updates`；
# `import keras` 仍是 Keras 3，要写 `tf.keras` 或 `import tf_keras`。
# tf_keras 只是过渡：Keras 3 为即时执行和 `tf.function` 设计，长期应迁过去。
#
# 层的构建（`build`）与调用（`call`）见[层的生命周期](layer-lifecycle.md)，
# `training` 见[训练模式与推理模式](training-mode.md)，`mask` 见[掩码的传递](masking.md)。
# %% [markdown] lang="en"
# ## When to choose `TF_USE_LEGACY_KERAS=1` { #when-legacy }
#
# Set `TF_USE_LEGACY_KERAS=1` (and install the matching `tf_keras`) if your TF1 graph code does any
# of the following and you do not mean to rewrite it. Run as it is, Keras 3 raises there or, worse,
# silently computes wrong:
#
# - Trains a model with `Dropout` or `BatchNormalization` through a `Session`, fetching only the
#   training op: under Keras 3 [the mask never changes](keras3-vs-tf-keras-training.md#dropout-mask)
#   and [the moving averages never update](keras3-vs-tf-keras-training.md#batchnorm), with no error.
# - Switches between training and inference with a
#   [boolean placeholder](keras3-vs-tf-keras-training.md#dropout-placeholder) or
#   [`learning_phase()`](keras3-vs-tf-keras-training.md#learning-phase).
# - Calls [`fit` / `evaluate` / `predict`](#predict-fit), [`get_weights`](#get-weights) or
#   [`save_weights`](#save-weights) with eager execution off.
# - Trains the graph with a [Keras optimizer](keras3-vs-tf-keras-training.md#keras-optimizers), or
#   passes [`var_list=model.trainable_weights`](keras3-vs-tf-keras-training.md#v1-optimizers) to a
#   `tf.compat.v1.train` optimizer.
# - Fetches [tensors by name](#dense-placeholder); or builds graphs repeatedly in one process and
#   restores `Saver` checkpoints [by variable name](#variable-names).
# - Calls [Keras 2 backend functions](#which-keras) such as `get_session()` or `K.learning_phase()`.
#
# Keras 3 can do without legacy, but the code must change as this page and
# [the training page](keras3-vs-tf-keras-training.md) show:
#
# - Wrap the calls of `Dropout` and `BatchNormalization` in `tf.function` (or also run their assign
#   ops: see [BatchNormalization](keras3-vs-tf-keras-training.md#batchnorm) and
#   [Dropout](keras3-vs-tf-keras-training.md#dropout-mask)); to switch between training and inference,
#   use `tf.cond` inside the `tf.function` (see [training mode](training-mode.md)).
# - Write the training loop yourself (no `fit`) with
#   [`tf.compat.v1.train` optimizers](keras3-vs-tf-keras-training.md#v1-optimizers), with `w.value`
#   in `var_list`; read weights with `sess.run(w.value)`, save and restore them with `Saver` (not
#   `save_weights`).
# - Call `keras.backend.clear_session()` before each build, or give `Saver` a
#   [`var_list` mapping](#variable-names); fetch tensor objects, not hard-coded tensor names.
#
# When the layers are stateless blocks (`Dense`, convolutions), the first point can go.
#
# With legacy Keras: `get_weights()` reads the default session, so use `sess.as_default()`; run
# `BatchNormalization`'s `updates` yourself; `import keras` is still Keras 3, so write `tf.keras` or
# `import tf_keras`. tf_keras is a bridge: Keras 3 is built for eager execution and `tf.function`,
# where the code should go in the long run.
#
# Layers' `build` and `call`: [the layer lifecycle](layer-lifecycle.md); the `training` argument:
# [training and inference mode](training-mode.md); `mask`: [masks](masking.md).
