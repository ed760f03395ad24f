# %% [markdown] lang="zh"
# # Keras 3 与 tf_keras：在 Session 里训练
#
# [Keras 3 与 tf_keras 在 Session 下的差异](keras3-vs-tf-keras.md)的续篇：同样把 TF1 图代码（占位符（`placeholder`）、会话（`Session`））
# 在两边各跑一遍，这里只看训练：优化器（optimizer）、`BatchNormalization` 的移动平均（moving average）、`Dropout` 与训练模式（training mode）的切换。
# 哪些相同，哪些 Keras 3 报错，哪些不报错却悄悄算得不同。每行的类别链接到证据。
# 取回（`fetch`）、掩码（`mask`）、推理模式（inference mode）等术语见[术语表](glossary.md)。
#
# | 类别 | 写法 | Keras 3（`keras` = `tf.keras`） | tf_keras（Keras 2） |
# |---|---|---|---|
# | [相同](#v1-optimizers) | `tf.compat.v1.train` 优化器的 `minimize(loss)`，不传 `var_list` | 能训练 | 同左 |
# | [相同](#batchnorm) | `BatchNormalization` 往 `UPDATE_OPS` 登记更新 | 不登记（集合为空） | 同左 |
# | [相同](#batchnorm) | 训练模式下只取回 `BatchNormalization` 的输出 | 移动平均不更新 | 同左 |
# | [相同](#keras-optimizers) | Keras 优化器的 `minimize(张量)` | `AttributeError` | `ValueError`（要求 `tape`） |
# | [Keras 3 报错](#v1-optimizers) | `minimize(loss, var_list=model.trainable_weights)` | `AttributeError`；传 `[w.value for w in model.trainable_weights]` 才能训练 | 可用 |
# | [Keras 3 报错](#batchnorm) | `bn.updates` | `AttributeError`；要和输出一起取回层建的两个赋值操作，或用 `tf.function` 包住调用 | 两个赋值操作，和输出一起取回就更新 |
# | [Keras 3 报错](#dropout-placeholder) | `Dropout` 的 `training=` 传 `tf.bool` 占位符 | `OperatorNotAllowedInGraphError` | 建 `cond`，馈送的值决定模式 |
# | [悄悄不同](#dropout-mask) | `Dropout(training=True)` 多次 `sess.run` | 每次同一个掩码（除非另外运行种子的赋值操作，或用 `tf.function`） | 每次换新掩码 |
# | [悄悄不同](#keras-optimizers) | Keras 优化器的 `apply_gradients` | 返回变量，运行它不训练；取回图里的赋值操作才训练 | 新优化器同样不训练；`optimizers.legacy` 能训练 |
# | [悄悄不同](#learning-phase) | 调用层时不传 `training` | 永远是推理模式 | 跟随 `learning_phase()` 占位符，默认推理 |
#
# 权重、变量名与 `Saver`、`fit` / `predict`、`get_weights`、`save_weights` 的差异在[上一页](keras3-vs-tf-keras.md)；
# 什么时候改用 tf_keras，见那页的[结论](keras3-vs-tf-keras.md#when-legacy)。
# %% [markdown] lang="en"
# # Keras 3 vs tf_keras: training under Session
#
# The sequel to [Keras 3 vs tf_keras under Session](keras3-vs-tf-keras.md): the same TF1 graph code
# (placeholders, `Session.run`) runs on both, and this page covers training only: optimizers,
# `BatchNormalization`'s moving averages, `Dropout`, and switching training mode. What is the same,
# what breaks under Keras 3, and what silently computes something else. Each row's kind links to
# the proof. Terms: [glossary](glossary.md).
#
# | Kind | Code | Keras 3 (`keras` = `tf.keras`) | tf_keras (Keras 2) |
# |---|---|---|---|
# | [Same](#v1-optimizers) | `minimize(loss)` of a `tf.compat.v1.train` optimizer, no `var_list` | trains | same |
# | [Same](#batchnorm) | `BatchNormalization` registers its updates in `UPDATE_OPS` | no: empty collection | same |
# | [Same](#batchnorm) | fetching only a `BatchNormalization` output in training mode | moving averages do not update | same |
# | [Same](#keras-optimizers) | `minimize(tensor)` of a Keras optimizer | `AttributeError` | `ValueError` (wants a `tape`) |
# | [Keras 3 breaks](#v1-optimizers) | `minimize(loss, var_list=model.trainable_weights)` | `AttributeError`; pass `[w.value for w in model.trainable_weights]` to train | works |
# | [Keras 3 breaks](#batchnorm) | `bn.updates` | `AttributeError`; fetch the layer's two assign ops with the output, or wrap the call in `tf.function` | two assign ops; fetched with the output, they update |
# | [Keras 3 breaks](#dropout-placeholder) | `Dropout` with a `tf.bool` placeholder as `training=` | `OperatorNotAllowedInGraphError` | builds a `cond`; the fed value picks the mode |
# | [Silently different](#dropout-mask) | `Dropout(training=True)` over several `sess.run` calls | the same mask every time (unless you also run the seed's assign op, or use `tf.function`) | a new mask every time |
# | [Silently different](#keras-optimizers) | `apply_gradients` of a Keras optimizer | returns a variable that trains nothing; fetching the graph's assign ops trains | new optimizers train nothing either; `optimizers.legacy` trains |
# | [Silently different](#learning-phase) | a layer called without `training` | always inference mode | follows the `learning_phase()` placeholder (default: inference) |
#
# Weights, variable names and `Saver`, `fit` / `predict`, `get_weights` and `save_weights` are on
# [the first page](keras3-vs-tf-keras.md); when to switch to tf_keras is in its
# [verdict](keras3-vs-tf-keras.md#when-legacy).

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
from operator import attrgetter

import keras
import tf_keras

BOTH = {"keras": keras, "tf_keras": tf_keras}

print("TF", tf.__version__, "| keras", keras.__version__, "| tf_keras", tf_keras.__version__)
print("tf.keras is keras:", tf.keras.layers.Dense is keras.layers.Dense)
assert tf.keras.layers.Dense is keras.layers.Dense and not tf.executing_eagerly()

# %% [markdown] lang="zh"
# 小工具：`fresh_graph()` 给每例一张新的默认图（固定种子），`show()` 每个版本打印一行，
# `state_writes()` 列出写变量的操作（不算初始化）。
# %% [markdown] lang="en"
# Helpers: `fresh_graph()` gives each snippet a new default graph (fixed seed), `show()` prints one
# line per Keras, `state_writes()` lists the ops that write a variable (initializers excluded).


# %%
@contextlib.contextmanager
def fresh_graph():
    with tf.Graph().as_default() as graph:
        tf.compat.v1.set_random_seed(0)
        yield graph


def show(name, *values):
    print(f"{name:<8} |", *values)


def state_writes(graph):  # initializers are named .../Assign
    return [
        op.name
        for op in graph.get_operations()
        if op.type.startswith(("Assign", "ResourceApply")) and not op.name.endswith("/Assign")
    ]


# %% [markdown] lang="zh"
# ## `tf.compat.v1.train` 优化器：`minimize(loss)` 相同，`var_list` 要取 `.value` { #v1-optimizers }
#
# 老的图优化器只认图张量和 `tf.Variable`。Keras 3 的权重不是 `tf.Variable`（[上一页](keras3-vs-tf-keras.md#weights)打印了 `tf.Variable: False`），
# 但它包着的那个 `tf.Variable`（`w.value`）登记在图的可训练变量集合里。
# `minimize(loss)` 不传 `var_list` 时就从这个集合取变量，所以 `GradientDescentOptimizer(0.1).minimize(loss)`
# 两边都能训练：20 步后损失明显下降。
# %% [markdown] lang="en"
# ## `tf.compat.v1.train` optimizers: `minimize(loss)` is the same, `var_list` needs `.value` { #v1-optimizers }
#
# The old graph optimizers only deal with graph tensors and `tf.Variable`s. Keras 3 weights are not
# `tf.Variable`s ([the first page](keras3-vs-tf-keras.md#weights) prints `tf.Variable: False`),
# but the `tf.Variable` each one wraps (`w.value`) is in the graph's trainable-variables
# collection. Without a `var_list`, `minimize(loss)` takes its variables from that collection, so
# `GradientDescentOptimizer(0.1).minimize(loss)` trains on both: after 20 steps the loss is clearly
# lower.

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

with fresh_graph():
    model = keras.Sequential([keras.layers.Dense(1)])
    model(tf.compat.v1.placeholder(tf.float32, [None, 3]))
    collection = tf.compat.v1.trainable_variables()
    weights = model.trainable_weights
show("keras", "trainable_weights:      ", [type(w).__name__ for w in weights])
show("", "trainable_variables():  ", [type(v).__name__ for v in collection])
show("", "collection[i] is weights[i].value:", [v is w.value for v, w in zip(collection, weights)])
assert len(collection) == len(weights) and all(v is w.value for v, w in zip(collection, weights))

# %% [markdown] lang="zh"
# 传 `var_list` 就不同了。`var_list=model.trainable_weights` 在 Keras 3 下报
# `AttributeError: 'Variable' object has no attribute '_in_graph_mode'`：
# 优化器把列表里的 `keras.Variable` 当作 `tf.Variable` 使用。改传 `[w.value for w in model.trainable_weights]`，
# 也就是包着的 `tf.Variable`，就能训练。tf_keras 的权重本来就是 `tf.Variable`，照原样传。
# %% [markdown] lang="en"
# A `var_list` is another matter. Under Keras 3, `var_list=model.trainable_weights` raises
# `AttributeError: 'Variable' object has no attribute '_in_graph_mode'`: the optimizer treats the `keras.Variable`s in the list as `tf.Variable`s. Pass
# `[w.value for w in model.trainable_weights]`, the wrapped `tf.Variable`s, and it trains. tf_keras
# weights are `tf.Variable`s already and go in as they are.


# %%
def v1_minimize_var_list(unwrap):
    def make_step(K, model, loss):
        weights = model.trainable_weights
        var_list = [w.value for w in weights] if unwrap else weights
        return tf.compat.v1.train.GradientDescentOptimizer(0.1).minimize(loss, var_list=var_list)

    return make_step


with expect(AttributeError, "'Variable' object has no attribute '_in_graph_mode'"):
    train_20_steps(keras, v1_minimize_var_list(unwrap=False))
for name, K in BOTH.items():
    unwrap = K is keras
    _, before, after, _ = train_20_steps(K, v1_minimize_var_list(unwrap))
    var_list = "[w.value for w in weights]" if unwrap else "model.trainable_weights"
    show(name, f"var_list={var_list}: loss {before:.4f} -> {after:.4f}")
    assert after < before / 5

# %% [markdown] lang="zh"
# ## Keras 优化器：`minimize` 报错，`apply_gradients` 悄悄不训练 { #keras-optimizers }
#
# Keras 优化器的 `minimize(张量)` 两边都不能用：Keras 3 的优化器没有 `minimize`；
# tf_keras 要求传 `tape`（即时执行的梯度带），图代码里没有。
# %% [markdown] lang="en"
# ## Keras optimizers: `minimize` fails, `apply_gradients` silently trains nothing { #keras-optimizers }
#
# `minimize(tensor)` of a Keras optimizer works on neither: Keras 3 optimizers have no `minimize`,
# and tf_keras asks for a `tape` (the eager gradient tape), which graph code does not have.


# %%
def keras_minimize(K, model, loss):
    return K.optimizers.SGD(0.1).minimize(loss, var_list=model.trainable_weights)


with expect(AttributeError, "'SGD' object has no attribute 'minimize'"):
    train_20_steps(keras, keras_minimize)
with expect(ValueError, "`tape` is required when a `Tensor` loss is passed"):
    train_20_steps(tf_keras, keras_minimize)

# %% [markdown] lang="zh"
# 改用 `tf.gradients` 加 `apply_gradients`，两边都不报错，但**都不训练**：损失 20 步不动。
# Keras 3 返回计数变量 `iterations`，tf_keras 的新优化器返回计数加一的结果（`_UnreadVariable`），都不依赖权重更新。
# 更新操作在图里（见 `state_writes`），但 `Session.run` 只运行取回所需的部分（剪枝，pruning），它们从不运行。
# 只有 tf_keras 的 `optimizers.legacy` 返回真正的训练操作；Keras 3 一创建 legacy 优化器就报 `ImportError`。
# %% [markdown] lang="en"
# `tf.gradients` plus `apply_gradients` raises nothing on either version, but **trains nothing**:
# the loss does not move in 20 steps. Keras 3 returns its `iterations` counter, the new tf_keras
# optimizer its incremented counter (an `_UnreadVariable`); neither depends on the weight updates.
# The update ops are in the graph (see `state_writes`), but `Session.run` only runs
# what the fetches need (pruning), so they never run. Only tf_keras's `optimizers.legacy` returns a
# real training op; creating a legacy optimizer in Keras 3 raises `ImportError`.


# %%
def apply_gradients_with(optimizer):  # "SGD" or "legacy.SGD"
    def make_step(K, model, loss):
        variables = model.trainable_weights
        grads = tf.gradients(loss, variables)
        opt = attrgetter(f"optimizers.{optimizer}")(K)(0.1)
        step = opt.apply_gradients(zip(grads, variables))
        return step.value if isinstance(step, keras.Variable) else step

    return make_step


for K, optimizer in [(keras, "SGD"), (tf_keras, "SGD"), (tf_keras, "legacy.SGD")]:
    kind, before, after, writes = train_20_steps(K, apply_gradients_with(optimizer))
    show(K.__name__, f"{optimizer}: step is {kind}; loss {before:.4f} -> {after:.4f}")
    show("", "state_writes:", writes)
    assert after < before / 5 if optimizer == "legacy.SGD" else after == before
with expect(ImportError, "`keras.optimizers.legacy` is not supported in Keras 3"):
    keras.optimizers.legacy.SGD(0.1)

# %% [markdown] lang="zh"
# Keras 3 列出的两个 `AssignSubVariableOp` 就是权重更新，只是没人取回。每步把 `state_writes` 找到的操作一起取回，
# 损失就下降。同一次 `run` 里的先后由数据依赖保证：更新量由梯度算出，梯度要先读权重。
# 这里图里只有这一个模型，按类型找就够了；复杂的图要像[Session 里的 Dropout 与 BatchNormalization](dropout-batchnorm-session.md#dropout-的掩码每次-run-都变吗)那页那样，对比调用前后新增的操作。
# %% [markdown] lang="en"
# The two `AssignSubVariableOp`s that Keras 3 lists are the weight updates; nothing fetches them.
# Fetch the ops that `state_writes` finds on every step, and the loss goes down. Inside one `run`,
# data dependencies fix the order: the update is computed from the gradient, which reads the
# weights first. This graph holds only the one model, so finding the ops by type is enough; in a bigger
# graph, compare the ops before and after the call, as on the
# [Dropout and BatchNormalization inside a Session](dropout-batchnorm-session.md#does-the-dropout-mask-change-from-run-to-run) page.


# %%
def fetch_state_writes(K, model, loss):
    apply_gradients_with("SGD")(K, model, loss)
    return state_writes(tf.compat.v1.get_default_graph())  # op names: sess.run runs them


kind, before, after, writes = train_20_steps(keras, fetch_state_writes)
show("keras", f"SGD, fetching state_writes: step is {kind}; loss {before:.4f} -> {after:.4f}")
assert after < before / 5

# %% [markdown] lang="zh"
# ## BatchNormalization 的移动平均 { #batchnorm }
#
# 训练模式（training mode）下，`BatchNormalization` 要更新两个移动平均（moving average）。
# TF1 的 `tf.compat.v1.layers.batch_normalization` 把更新操作登记到 `UPDATE_OPS`，训练代码再加进控制依赖。
# Keras 的层两边都**不**登记。
#
# 只取回输出，两边的移动平均都不变：更新它们的赋值操作不在输出的上游，`Session.run` 不运行它们。
# 要更新，就把这些操作和输出一起取回。两边的区别只在怎么拿到它们：tf_keras 放在 `bn.updates`；
# Keras 3 没有 `bn.updates`，也没有别的公开接口，但图里同样有两个赋值操作（`AssignVariableOp`），
# 下面用 `state_writes` 按类型找出。和输出一起取回，Keras 3 的移动平均照样更新，数值与 tf_keras 相同。
# 从不取回它们的训练代码，移动平均永远停在初始值 0，推理模式也一直用它，不报错。
# 图里不止一个模型时，要像[Session 里的 Dropout 与 BatchNormalization](dropout-batchnorm-session.md#batchnormalization-的移动平均会更新吗)那页那样，对比调用前后新增的赋值操作。
# %% [markdown] lang="en"
# ## BatchNormalization moving averages { #batchnorm }
#
# In training mode, `BatchNormalization` must update two moving averages. TF1's
# `tf.compat.v1.layers.batch_normalization` registered the update ops in `UPDATE_OPS` for training
# code to add as control dependencies. The Keras layer registers **nothing** there under either
# version.
#
# Fetching only the output leaves the averages unchanged under both: the assign ops that update
# them are not upstream of the output, so `Session.run` does not run them. To update, fetch those
# ops with the output. The versions differ only in how you get them: tf_keras keeps them in
# `bn.updates`; Keras 3 has no `bn.updates` and no other public API, but its graph holds two assign
# ops (`AssignVariableOp`) all the same, found below by op type with `state_writes`. Fetched with
# the output, they update Keras 3's moving averages, to the same values as tf_keras. Training code
# that never fetches them leaves the moving mean at 0 for good, and inference mode uses that, with
# no error. When the graph holds more than one model, compare the assign ops before and after the
# call instead, as on the
# [Dropout and BatchNormalization inside a Session](dropout-batchnorm-session.md#do-batchnormalizations-moving-statistics-update) page.


# %%
def batchnorm(K):
    with fresh_graph() as graph:
        x = tf.compat.v1.placeholder(tf.float32, [None, 3])
        bn = K.layers.BatchNormalization(momentum=0.5)
        y = bn(x, training=True)
        update_ops = tf.compat.v1.get_collection(tf.compat.v1.GraphKeys.UPDATE_OPS)
        (moving_mean,) = [v for v in tf.compat.v1.global_variables() if "moving_mean" in v.name]
        writes = state_writes(graph)
        updates = bn.updates if K is tf_keras else writes  # ops, or op names
        with tf.compat.v1.Session() as sess:
            sess.run(tf.compat.v1.global_variables_initializer())
            sess.run(y, {x: BN_BATCH})
            after_output = sess.run(moving_mean)
            sess.run([y, updates], {x: BN_BATCH})
            after_updates = sess.run(moving_mean)
    show(K.__name__, "UPDATE_OPS:", update_ops, "| has .updates:", hasattr(bn, "updates"))
    show("", "state_writes:", writes)
    show("", "moving_mean after fetching y:", after_output)
    fetched = "bn.updates" if K is tf_keras else "state_writes"
    show("", f"moving_mean after fetching y + {fetched}:", after_updates)
    return update_ops, after_output, after_updates


BN_BATCH = np.arange(6, dtype=np.float32).reshape(2, 3)  # batch mean [1.5, 2.5, 3.5]
for K in BOTH.values():
    update_ops, after_output, after_updates = batchnorm(K)
    assert update_ops == [] and not after_output.any()
    assert np.allclose(after_updates, BN_BATCH.mean(0) / 2)  # momentum 0.5, from 0

with expect(AttributeError, "'BatchNormalization' object has no attribute 'updates'"):
    keras.layers.BatchNormalization().updates

# %% [markdown] lang="zh"
# 更省事的是用 `tf.function` 包住层的调用：赋值操作进了函数体，每次调用都执行（原因见[Session 里的 Dropout 与 BatchNormalization](dropout-batchnorm-session.md#dropout-的掩码每次-run-都变吗)），
# 只取回输出就更新。图里也就没有游离的赋值操作要找了。和那一页一样，层要先调用 `build`。
# %% [markdown] lang="en"
# Simpler: wrap the layer call in `tf.function`. The assign ops move into the function body and
# run on every call (why:
# [Dropout and BatchNormalization inside a Session](dropout-batchnorm-session.md#does-the-dropout-mask-change-from-run-to-run)), so fetching the output alone updates
# the averages, and the graph has no dangling assign ops left to hunt for. Build the layer first,
# as on that page.

# %%
with fresh_graph() as graph:
    x = tf.compat.v1.placeholder(tf.float32, [None, 3])
    bn = keras.layers.BatchNormalization(momentum=0.5)
    bn.build((None, 3))
    y = tf.function(lambda t: bn(t, training=True))(x)
    writes = state_writes(graph)
    with tf.compat.v1.Session() as sess:
        sess.run(tf.compat.v1.global_variables_initializer())
        sess.run(y, {x: BN_BATCH})
        mean = sess.run(bn.moving_mean.value)
show("keras", "tf.function: y comes from", y.op.type, "| state_writes:", writes)
show("", "moving_mean after fetching y:", mean)
assert writes == [] and np.allclose(mean, BN_BATCH.mean(0) / 2)

# %% [markdown] lang="zh"
# ## Keras 3 报错：用 `tf.bool` 占位符切换 Dropout { #dropout-placeholder }
#
# TF1 代码常用布尔占位符切换训练与推理。tf_keras 见 `training` 是张量，就建条件分支（`cond`）：
# 馈送（`feed`）`True` 就丢弃，`False` 就原样通过。Keras 3 的 `Dropout` 用 Python 的 `if training:` 判断，
# 符号张量不能当布尔值，于是报 `OperatorNotAllowedInGraphError`。
# %% [markdown] lang="en"
# ## Keras 3 breaks: switching Dropout with a `tf.bool` placeholder { #dropout-placeholder }
#
# TF1 code often switches training and inference with a boolean placeholder: one graph for both.
# Given a tensor `training`, tf_keras builds a `cond`: feed `True` and it drops units, `False` and
# the input passes. Keras 3's `Dropout` checks `if training:` in Python; a symbolic tensor is no
# Python bool, so it raises `OperatorNotAllowedInGraphError`.


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
# 两边都能用的写法：自己用 `tf.cond` 包两次调用，各传 Python 的 `True` / `False`。但 Keras 3 的训练分支还有下一节的问题；把 `tf.cond` 放进 `tf.function`，两个问题一起解决（见[训练模式](training-mode.md)）。
# %% [markdown] lang="en"
# What works on both: wrap two calls, with Python `True` / `False`, in `tf.cond` yourself. The
# Keras 3 training branch still has the next section's problem; put the `tf.cond` inside a
# `tf.function` and both are solved (see [training mode](training-mode.md)).

# %%
for name, K in BOTH.items():
    on, off = dropout_switch(K, use_cond=True)
    show(name, "tf.cond, True :", on.ravel())
    show(name, "tf.cond, False:", off.ravel())
    assert (on == 0).any() and (off == 1).all()

# %% [markdown] lang="zh"
# ## 悄悄不同：Dropout 的掩码不变 { #dropout-mask }
#
# 训练模式下，同一个 `Dropout` 输出连续取回三次。tf_keras 用有状态的随机数操作，每次换新掩码。
# Keras 3 用无状态随机数，种子存在变量 `seed_generator_state` 里；推进种子的赋值操作同样没有取回依赖，从不运行。
# 于是在 `Session` 里，Keras 3 的 `Dropout` 每步都丢弃同样的单元，不报错也不警告。
# 修法和 BatchNormalization 类似：每次取回输出后，再单独运行一次这个赋值操作（读种子和写种子之间没有依赖，
# 放进同一次 `run` 先后不定），或用 `tf.function` 包住调用。两种都在[Session 里的 Dropout 与 BatchNormalization](dropout-batchnorm-session.md#dropout-的掩码每次-run-都变吗)那页跑过。
# %% [markdown] lang="en"
# ## Silently different: Dropout reuses one mask { #dropout-mask }
#
# One `Dropout` output, in training mode, is fetched three times. tf_keras uses a stateful random
# op: every run draws a new `mask`. Keras 3 uses stateless random numbers seeded from a variable,
# `seed_generator_state`; the assign op that advances it is, again, needed by no fetch and never
# runs. Under a `Session`, Keras 3's `Dropout` drops the same units at every step. No error, no
# warning. The fixes resemble BatchNormalization's: after each fetch of the output, run that assign
# op in a separate `run` (nothing orders reading and writing the seed, so inside one `run` their
# order is not fixed), or wrap the call in `tf.function`. The
# [Dropout and BatchNormalization inside a Session](dropout-batchnorm-session.md#does-the-dropout-mask-change-from-run-to-run)
# page runs both.


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
    show(name, "variables:", state, "| state_writes:", writes)
    for mask in masks:
        show("", "mask:", mask)
    assert all((m == masks[0]).all() for m in masks) == (K is keras)

# %% [markdown] lang="zh"
# ## 悄悄不同：不传 `training` 时的模式 { #learning-phase }
#
# tf_keras 保留了 Keras 2 的学习阶段（learning phase）：不传 `training` 时，层跟随全局布尔占位符
# `keras_learning_phase`，默认 `False`（推理），馈送 `1` 就是训练。Keras 3 没有它（`keras.backend.learning_phase` 不存在），不传 `training` 永远是推理模式；
# 老代码里馈送学习阶段的那一行要么报错，要么删掉后悄悄失效。
# %% [markdown] lang="en"
# ## Silently different: the mode without `training` { #learning-phase }
#
# tf_keras keeps Keras 2's learning phase: a layer called without `training` follows a global
# boolean placeholder, `keras_learning_phase`, `False` (inference) by default; feed `1` for
# training. Keras 3 has none (`keras.backend.learning_phase` does not exist): without `training` a
# layer is always in inference mode; old code's line feeding the learning phase raises or, once
# deleted, silently does nothing.


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
