# %% [markdown] lang="zh"
# # 在会话里训练子类化模型：从头到尾
#
# [原博客](quick-start.md)最后想做的，是把一个子类化模型（subclassed model）`KerasModel`
# 放进会话（`Session`）里运行。它只走到 `model.call(inputs, False)` 就停了：没有训练用的图，
# 没有损失，没有优化器（optimizer），也没有保存。本页把这件事做完整，一步一个代码单元，
# 每一步都用 `assert` 或 `expect` 证明。
# 同一段代码在 Keras 3（TF 2.21 的 `tf.keras`）和旧版 Keras（legacy Keras，`tf_keras` 包）上各跑一遍，
# 写法不同的地方并排给出。
#
# | 步骤 | Keras 3（`tf.keras`） | tf_keras（Keras 2） |
# |---|---|---|
# | [1. 图与占位符](#graph) | 在 `with tf.Graph().as_default():` 里建占位符（`placeholder`）和模型 | 同左 |
# | [2. 训练图与评估图](#two-calls) | 先 `model(x, training=True)`，再 `model(x, training=False)`；第二次调用不建新变量（variable） | 同左 |
# | [3. 损失与优化器](#optimizer) | `var_list=model.trainable_weights` 报 `AttributeError`；改传 `[w.value for w in model.trainable_weights]`，或者不传 | `var_list=model.trainable_weights` |
# | [4. BatchNormalization 与 Dropout 的状态](#state) | 从训练调用新建的操作里找出 `AssignVariableOp`：写移动平均的两个放进控制依赖（control dependency），推进 Dropout 种子的那个每步单独运行 | `tf.control_dependencies(model.updates)`；Dropout 不用管 |
# | [5. 训练循环](#train-loop) | `feed_dict` 馈送固定数据，损失下降 | 同左 |
# | [6. 训练前后对比](#before-after) | `moving_mean` 离开 0，评估图上的测试损失下降 | 同左 |
# | [7. 漏掉状态更新会怎样](#skip-state) | `moving_mean` 停在 0，测试损失高；`tf.function` 是另一种正确写法 | 不运行 `model.updates`，同样停在 0 |
# | [8. 保存与恢复](#saver) | 重建模型前先 `keras.backend.clear_session()`（或给 `Saver` 传 `var_list` 映射），否则 `NotFoundError` | 在新图里重建，直接恢复 |
# %% [markdown] lang="en"
# # Train a subclassed model in a Session, end to end
#
# What [the blog post](quick-start.md) set out to do was run a subclassed model, `KerasModel`,
# inside a `Session`. It stops at `model.call(inputs, False)`: no training graph, no loss, no
# optimizer, no saving. This page does the whole job, one step per code cell, each step proven
# with `assert` or `expect`. The same code runs on Keras 3 (`tf.keras` in TF 2.21) and on legacy
# Keras (the `tf_keras` package); where the two need different code, both are shown.
#
# | Step | Keras 3 (`tf.keras`) | tf_keras (Keras 2) |
# |---|---|---|
# | [1. Graph and placeholders](#graph) | placeholders and model inside `with tf.Graph().as_default():` | same |
# | [2. Training graph and evaluation graph](#two-calls) | `model(x, training=True)`, then `model(x, training=False)`; the second call creates no variable | same |
# | [3. Loss and optimizer](#optimizer) | `var_list=model.trainable_weights` raises `AttributeError`; pass `[w.value for w in model.trainable_weights]`, or no `var_list` | `var_list=model.trainable_weights` |
# | [4. The state of BatchNormalization and Dropout](#state) | find the `AssignVariableOp`s the training call created: the two for the moving averages go into a control dependency, the one that advances Dropout's seed runs on its own after each step | `tf.control_dependencies(model.updates)`; nothing to do for Dropout |
# | [5. Training loop](#train-loop) | fixed data through `feed_dict`; the loss falls | same |
# | [6. Before and after training](#before-after) | the moving mean leaves 0; the test loss on the evaluation graph falls | same |
# | [7. Skipping the state updates](#skip-state) | the moving mean stays at 0 and the test loss stays high; `tf.function` is another right way | without `model.updates`, it stays at 0 too |
# | [8. Save and restore](#saver) | `keras.backend.clear_session()` before rebuilding (or a `var_list` mapping for `Saver`), or `NotFoundError` | rebuild in a new graph and restore |

# %% [markdown] lang="zh"
# ## 准备
#
# 和[训练模式与推理模式](training-mode.md)一页一样，一个内核里同时导入两个版本：
# `keras` 是 Keras 3（和 `tf.keras` 是同一个东西），`tf_keras` 是旧版 Keras 2。
# 即时执行（eager execution）保持打开，每个版本各建一张自己的图，在 `with graph().as_default():`
# 里进入图模式（graph mode）。`graph()` 给每张图固定图级随机种子（random seed）。
#
# 数据是固定的合成数据：256 行训练数据、64 行测试数据，目标是输入的线性函数加 1。
# %% [markdown] lang="en"
# ## Setup
#
# As on the [training and inference mode](training-mode.md) page, one kernel imports both
# versions: `keras` is Keras 3 (the same thing as `tf.keras`), `tf_keras` is legacy Keras 2. Eager
# execution stays on; each version gets its own graph, and `with graph().as_default():` enters
# graph mode. `graph()` fixes each graph's graph-level random seed.
#
# The data is fixed and synthetic: 256 training rows and 64 test rows; the target is a linear
# function of the input, plus 1.

# %%
import os

os.environ["TF_CPP_MIN_LOG_LEVEL"] = "3"

import shutil
import tempfile
from types import SimpleNamespace

import keras
import numpy as np
import tensorflow as tf
import tf_keras

tf.get_logger().setLevel("ERROR")
keras.utils.set_random_seed(0)

VERSIONS = {"Keras 3": keras, "tf_keras": tf_keras}
print(
    "TensorFlow", tf.__version__, "| keras", keras.__version__, "| tf_keras", tf_keras.__version__
)


def graph():
    """A new TF1 graph with a fixed graph-level seed."""
    g = tf.Graph()
    g.seed = 0
    return g


rng = np.random.default_rng(0)
X = rng.normal(size=(256, 4)).astype(np.float32)
X_test = rng.normal(size=(64, 4)).astype(np.float32)
W_TRUE = np.array([[1.0], [-2.0], [0.5], [3.0]], np.float32)
Y, Y_test = X @ W_TRUE + 1.0, X_test @ W_TRUE + 1.0
print("training data:", X.shape, Y.shape, "| test data:", X_test.shape, Y_test.shape)

# %% [markdown] lang="zh"
# ## 1. 图与占位符 { #graph }
#
# 这就是改正后的 `KerasModel`：层在 `__init__` 里建好，`call` 的签名是 `call(self, inputs, training=False)`。
# 中间加了 Dropout 和 BatchNormalization，因为正是这两个层让“在会话里训练”变得不简单。
# `call` 把 `training` 显式传给它们（不传也会自动传下去，见[训练模式与推理模式](training-mode.md)）。
#
# 每个版本一张图，图里有 `x`、`y` 两个占位符和一个模型。在图里 `tf.executing_eagerly()` 是 `False`。
# %% [markdown] lang="en"
# ## 1. Graph and placeholders { #graph }
#
# This is `KerasModel` corrected: the layers are created in `__init__`, and `call` has the
# signature `call(self, inputs, training=False)`. Dropout and BatchNormalization sit in the middle,
# because those two layers are what make training in a session hard. `call` passes `training` to
# them explicitly (it would reach them anyway; see [training and inference mode](training-mode.md)).
#
# One graph per version, holding two placeholders, `x` and `y`, and a model. Inside the graph,
# `tf.executing_eagerly()` is `False`.


# %%
def make_model(K):
    class KerasModel(K.Model):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            self.hidden = K.layers.Dense(16, activation="relu")
            self.dropout = K.layers.Dropout(0.2)
            self.bn = K.layers.BatchNormalization(momentum=0.9)
            self.out = K.layers.Dense(1)

        def call(self, inputs, training=False):
            x = self.hidden(inputs)
            x = self.dropout(x, training=training)
            x = self.bn(x, training=training)
            return self.out(x)

    return KerasModel()


nets = {}
for name, K in VERSIONS.items():
    net = nets[name] = SimpleNamespace(K=K, graph=graph())
    with net.graph.as_default():
        net.x = tf.compat.v1.placeholder(tf.float32, [None, 4], name="x")
        net.y = tf.compat.v1.placeholder(tf.float32, [None, 1], name="y")
        net.model = make_model(K)
        eager = tf.executing_eagerly()
    print(f"{name:8} | eager inside the graph: {eager} | x: {net.x.name} {net.x.shape}")
    assert not eager

# %% [markdown] lang="zh"
# ## 2. 训练图与评估图 { #two-calls }
#
# 同一个模型调用（`call`）两次：`model(x, training=True)` 建出训练用的子图，
# `model(x, training=False)` 建出评估用的子图。变量在第一次调用时构建（`build`），
# 第二次调用不建新变量，两张子图读的是同一批权重（weight）。
#
# 下面数全局变量，并沿着输入往上游找每个输出读了哪些变量：可训练（trainable）的权重两边都读；
# 评估图另外读两个移动平均（moving average），训练图不读它们，用的是批次统计量。
# Keras 3 的训练图还读 Dropout 的种子变量 `seed_generator_state`。
# 注意两个版本的变量名不同：Keras 3 的图变量名里没有层名，只有 `kernel`、`kernel_1` 这样的编号。
# %% [markdown] lang="en"
# ## 2. Training graph and evaluation graph { #two-calls }
#
# Call the same model twice: `model(x, training=True)` builds the training subgraph,
# `model(x, training=False)` the evaluation subgraph. The first call builds the variables; the
# second creates none, and both subgraphs read the same weights.
#
# Below, the global variables are counted, and each output's inputs are walked upstream to see
# which variables it reads: both read the trainable weights; the evaluation graph also reads the
# two moving averages, which the training graph does not (it uses the batch statistics). Keras 3's
# training graph also reads Dropout's seed variable, `seed_generator_state`. The names differ
# between versions: Keras 3's graph variables carry no layer name, just numbers such as `kernel`,
# `kernel_1`.


# %%
def short(name):
    return name.split("/", 1)[1] if "/" in name else name


def variables_read(tensor):
    """Names of the variables that tensor reads (walking its inputs upstream)."""
    seen, todo, found = set(), [tensor.op], set()
    while todo:
        op = todo.pop()
        for dep in [t.op for t in op.inputs] + list(op.control_inputs):
            if dep not in seen:
                seen.add(dep)
                todo.append(dep)
                if dep.type == "VarHandleOp":
                    found.add(dep.name)
    return found


for name, net in nets.items():
    with net.graph.as_default() as g:
        ops_before = set(g.get_operations())
        net.train_out = net.model(net.x, training=True)
        net.train_call_ops = set(g.get_operations()) - ops_before
        after_train = tf.compat.v1.global_variables()
        net.eval_out = net.model(net.x, training=False)
        after_eval = tf.compat.v1.global_variables()
        trainable = {v.op.name for v in tf.compat.v1.trainable_variables()}
    read_train, read_eval = variables_read(net.train_out), variables_read(net.eval_out)
    print(
        f"{name}: {len(after_train)} variables after the training call, {len(after_eval)} after both"
    )
    print("  read by both:       ", sorted(short(n) for n in read_train & read_eval))
    print("  only training graph:", sorted(short(n) for n in read_train - read_eval))
    print("  only eval graph:    ", sorted(short(n) for n in read_eval - read_train))
    assert after_eval == after_train and trainable == read_train & read_eval

# %% [markdown] lang="zh"
# ## 3. 损失与优化器 { #optimizer }
#
# 损失建在训练图的输出上；评估图的输出另建一个损失，只用来看效果。
# 优化器用 `tf.compat.v1.train.GradientDescentOptimizer`。
#
# Keras 3 的权重是 `keras.Variable`，不是 `tf.Variable`。把它们当 `var_list` 传给 v1 优化器，
# 优化器把它当成资源变量（resource variable），接着去读 TensorFlow 自己的资源变量才有的私有属性
# `_in_graph_mode`，于是报 `AttributeError`（在往图里加任何操作之前）。
# 能用的写法是传底层的 `tf.Variable`：`[w.value for w in model.trainable_weights]`；
# 或者干脆不传 `var_list`，因为它和 `TRAINABLE_VARIABLES` 集合完全一样，而不传时优化器用的正是这个集合
# （第 7 步就这样写）。
#
# tf_keras 的权重本来就是 `tf.Variable`，直接传 `model.trainable_weights`。
# 不要照搬 Keras 3 的写法：tf_keras 里 `w.value` 是一个方法（见[子类化模型的常见错误](subclassed-mistakes.md#在-sessrun-里取回-keras-变量)）。
# %% [markdown] lang="en"
# ## 3. Loss and optimizer { #optimizer }
#
# The loss is built on the training graph's output; a second loss on the evaluation graph's output
# only measures progress. The optimizer is `tf.compat.v1.train.GradientDescentOptimizer`.
#
# Keras 3 weights are `keras.Variable`s, not `tf.Variable`s. Given them as `var_list`, the v1
# optimizer takes them for resource variables, then reads `_in_graph_mode`, a private attribute
# that only TensorFlow's own resource variables have: `AttributeError` (before it adds any op to
# the graph). What works is passing the underlying `tf.Variable`s,
# `[w.value for w in model.trainable_weights]`, or no `var_list` at all: the list equals the
# `TRAINABLE_VARIABLES` collection, which is what the optimizer uses when `var_list` is missing
# (step 7 does this).
#
# tf_keras weights are `tf.Variable`s already: pass `model.trainable_weights` as they are. Do not
# copy the Keras 3 code there: in tf_keras `w.value` is a method (see
# [subclassed models: common mistakes](subclassed-mistakes.md#fetching-a-keras-variable-in-sessrun)).

# %%
for name, net in nets.items():
    with net.graph.as_default() as g:
        net.loss = tf.reduce_mean(tf.square(net.train_out - net.y))
        net.eval_loss = tf.reduce_mean(tf.square(net.eval_out - net.y))
        net.optimizer = tf.compat.v1.train.GradientDescentOptimizer(0.1)
        weights = net.model.trainable_weights
        if net.K is keras:
            ops_before = len(g.get_operations())
            with expect(AttributeError, "_in_graph_mode"):
                net.optimizer.minimize(net.loss, var_list=weights)
            assert len(g.get_operations()) == ops_before
            net.var_list = [w.value for w in weights]
        else:
            net.var_list = weights
        same = net.var_list == tf.compat.v1.trainable_variables()
    weight_type = f"{type(weights[0]).__module__}.{type(weights[0]).__name__}"
    print(f"{name:8} | weights: {weight_type}")
    print(
        f"{'':8} | var_list: {type(net.var_list[0]).__name__}, equal to TRAINABLE_VARIABLES: {same}"
    )
    assert same and all(isinstance(v, tf.Variable) for v in net.var_list)

# %% [markdown] lang="zh"
# ## 4. BatchNormalization 与 Dropout 的状态 { #state }
#
# BatchNormalization 在训练模式（training mode）下要更新均值和方差的移动平均；Keras 3 的 Dropout
# 每次调用要把种子往前推一格。这些都是写变量的赋值操作（operation）。
# 会话只运行取回（`fetch`）所需的操作，而训练的输出和损失都不依赖这些赋值，
# 所以只运行训练操作，它们永远不会执行。
# 两个版本都不把它们放进 `UPDATE_OPS` 集合（证据见[Session 里的 Dropout 与 BatchNormalization](dropout-batchnorm-session.md#batchnormalization-的移动平均会更新吗)），
# 所以 TF1 常见的 `tf.control_dependencies(tf.compat.v1.get_collection(UPDATE_OPS))` 在这里什么也不做。
#
# **tf_keras**：更新操作（update op）在 `model.updates` 里。把它们放进 `tf.control_dependencies`，
# 再在里面建 `minimize`，每一步训练都会先运行它们。Dropout 用有状态的随机数操作，不需要额外处理。
#
# **Keras 3**：没有 `model.updates`。和[Keras 3 与 tf_keras：在 Session 里训练](keras3-vs-tf-keras-training.md#batchnorm)
# 一页一样，按类型找出来：第 2 步给训练调用前后的图拍了快照，调用新建的 `AssignVariableOp`
# 里去掉变量的初始化器（initializer），剩下三个。写移动平均的两个同样放进控制依赖。
# 写种子的那个不能和训练放在同一次 `run` 里：Dropout 读种子和这个赋值之间没有依赖，
# 同一次 `run` 里谁先谁后没有保证，结果就不可复现。所以每步训练之后单独运行它一次。
# %% [markdown] lang="en"
# ## 4. The state of BatchNormalization and Dropout { #state }
#
# In training mode, BatchNormalization must update its moving mean and moving variance; Keras 3's
# Dropout must move its seed one step on every call. These are assign operations that write
# variables. A session runs only the operations its fetches need, and neither the training output
# nor the loss depends on these assigns: running the training op alone never runs them. Neither
# version puts them in the `UPDATE_OPS` collection (proof on
# [Dropout and BatchNormalization inside a Session](dropout-batchnorm-session.md#do-batchnormalizations-moving-statistics-update)), so the familiar TF1
# `tf.control_dependencies(tf.compat.v1.get_collection(UPDATE_OPS))` does nothing here.
#
# **tf_keras**: the update ops are in `model.updates`. Build `minimize` inside
# `tf.control_dependencies(model.updates)`, and every training step runs them first. Dropout uses
# a stateful random op and needs nothing more.
#
# **Keras 3**: there is no `model.updates`. As on
# [Keras 3 vs tf_keras: training under Session](keras3-vs-tf-keras-training.md#batchnorm), find them by type: step 2
# took a snapshot of the graph around the training call; of the `AssignVariableOp`s that call
# created, leave out the variables' initializers, and three remain. The two that write the moving
# statistics go into the control dependency as well. The one that writes the seed cannot share a
# `run` with the training step: nothing orders Dropout's read of the seed and this assign, so
# inside one `run` either may come first, and results would not be reproducible. So it runs on its
# own after each training step.

# %%
for name, net in nets.items():
    with net.graph.as_default():
        update_ops = tf.compat.v1.get_collection(tf.compat.v1.GraphKeys.UPDATE_OPS)
        print(f"{name}: UPDATE_OPS {update_ops}")
        if net.K is keras:
            initializers = {v.initializer for v in tf.compat.v1.global_variables()}
            writes = sorted(
                (
                    op
                    for op in net.train_call_ops
                    if op.type == "AssignVariableOp" and op not in initializers
                ),
                key=lambda op: op.name,
            )
            for op in writes:
                print(f"  {op.name} writes {op.inputs[0].op.name}")
            net.seed_update = [op for op in writes if "seed_generator" in op.inputs[0].op.name]
            net.bn_updates = [op for op in writes if op not in net.seed_update]
            net.moving_mean = net.model.bn.moving_mean.value
        else:
            net.bn_updates, net.seed_update = net.model.updates, []
            print("  model.updates:", [op.name for op in net.bn_updates])
            net.moving_mean = net.model.bn.moving_mean
        with tf.control_dependencies(net.bn_updates):
            net.train_op = net.optimizer.minimize(net.loss, var_list=net.var_list)
    assert update_ops == [] and len(net.bn_updates) == 2

# %% [markdown] lang="zh"
# 现在打开会话、初始化变量，再把训练图的输出取回两次（还没训练，只是前向计算）。
# tf_keras 两次不同：每次 `run` 都抽新的 Dropout 掩码（mask）。
# Keras 3 两次完全相同：种子没动，掩码就不变。单独运行一次种子的赋值操作之后，输出才变。
#
# 这对训练意味着：如果不运行种子的赋值，Keras 3 的 Dropout 每一步都对每个样本丢掉同一批单元。
# Dropout 靠的是每步随机换掉一批单元；掩码固定后，它只是把网络固定地裁掉一块，
# 起不到正则化的作用，而且不报错也不警告。
# %% [markdown] lang="en"
# Now open the sessions, initialize the variables and fetch the training graph's output twice (no
# training yet, just the forward pass). tf_keras gives two different results: each `run` draws a
# new Dropout mask. Keras 3 gives the same result twice: the seed has not moved, so neither has
# the mask. Only after the seed's assign op runs once does the output change.
#
# What this means for training: without running the seed's assign, Keras 3's Dropout drops the
# same units of each example at every step. Dropout works by dropping different units at each
# step; with a fixed mask it just cuts a fixed piece out of the network, which does not regularize.
# No error, no warning.

# %%
for name, net in nets.items():
    net.feed = {net.x: X, net.y: Y}
    net.test_feed = {net.x: X_test, net.y: Y_test}
    with net.graph.as_default():
        net.sess = tf.compat.v1.Session()
        net.sess.run(tf.compat.v1.global_variables_initializer())
    first, second = (net.sess.run(net.train_out, net.feed) for _ in range(2))
    print(f"{name:8} | two runs of the training output are equal: {np.array_equal(first, second)}")
    if net.seed_update:
        net.sess.run(net.seed_update)
        third = net.sess.run(net.train_out, net.feed)
        print(f"{'':8} | after one run of the seed update, equal:  {np.array_equal(second, third)}")
        assert np.array_equal(first, second) and not np.array_equal(second, third)
    else:
        assert not np.array_equal(first, second)
    net.test_before = net.sess.run(net.eval_loss, net.test_feed)
    net.mean_before = net.sess.run(net.moving_mean)

# %% [markdown] lang="zh"
# ## 5. 训练循环 { #train-loop }
#
# 每一步用 `feed_dict` 馈送（`feed`）同一批训练数据，取回损失和训练操作；
# Keras 3 再单独运行一次种子的赋值。训练 200 步，打印第 0、50、100、199 步的损失（保留一位小数），
# 并断言最后的损失不到第一步的十分之一。
# 训练损失是在训练模式下算的，带着 Dropout 的噪声，所以会高于第 6 步在评估图上算的测试损失。
# %% [markdown] lang="en"
# ## 5. Training loop { #train-loop }
#
# Each step feeds the same training batch through `feed_dict` and fetches the loss and the
# training op; under Keras 3 the seed's assign then runs on its own. 200 steps; the losses at steps
# 0, 50, 100 and 199 are printed with one decimal, and the last must be under a tenth of the first.
# The training loss is computed in training mode, Dropout noise included, so it stays above the
# test loss that step 6 measures on the evaluation graph.

# %%
STEPS = 200


def train(net):
    losses = []
    for _ in range(STEPS):
        loss, _ = net.sess.run([net.loss, net.train_op], net.feed)
        if net.seed_update:
            net.sess.run(net.seed_update)
        losses.append(loss)
    return losses


for name, net in nets.items():
    losses = train(net)
    net.last_loss = losses[-1]
    shown = {step: round(float(losses[step]), 1) for step in (0, 50, 100, STEPS - 1)}
    print(f"{name:8} | training loss by step: {shown}")
    assert losses[-1] < losses[0] / 10

# %% [markdown] lang="zh"
# ## 6. 训练前后对比 { #before-after }
#
# 训练前后各在评估图上算一次测试数据的损失。评估图用推理模式（inference mode）：Dropout 不丢弃，
# BatchNormalization 用移动平均归一化。所以只有移动平均也跟着更新了，测试损失才会低。
#
# 均值的移动平均 `moving_mean` 从初值 0 出发，训练后各单元都离开了 0（下面打印 16 个单元绝对值的平均）；
# Keras 3 的种子计数器走了 201 格：训练前演示时 1 格，训练 200 步各 1 格。
# %% [markdown] lang="en"
# ## 6. Before and after training { #before-after }
#
# The test loss is computed on the evaluation graph before and after training. The evaluation
# graph runs in inference mode: Dropout drops nothing, and BatchNormalization normalizes with the
# moving averages. So the test loss is low only if the moving averages were updated too.
#
# The moving mean (`moving_mean`) starts at 0; after training every unit has left 0 (printed: the
# mean absolute value over the 16 units). Keras 3's seed counter moved 201 times: once in the
# demonstration before training, and once per step for 200 steps.

# %%
for name, net in nets.items():
    mean_after = net.sess.run(net.moving_mean)
    test_after = net.sess.run(net.eval_loss, net.test_feed)
    before, after = np.abs(net.mean_before).mean(), np.abs(mean_after).mean()
    print(f"{name:8} | mean |moving_mean|: {before:.1f} -> {after:.1f}")
    print(f"{'':8} | test loss (evaluation graph): {net.test_before:.1f} -> {test_after:.2f}")
    assert not net.mean_before.any() and np.all(np.abs(mean_after) > 0.05)
    assert test_after < net.test_before / 100 and test_after < net.last_loss
    if net.K is keras:
        counter = net.sess.run(net.model.dropout.seed_generator.state.value)[1]
        print(f"{'':8} | Dropout seed counter: {counter}")
        assert counter == STEPS + 1

# %% [markdown] lang="zh"
# ## 7. 漏掉状态更新会怎样 { #skip-state }
#
# 对比一下常见的错误写法：只运行 `minimize(loss)`，不管移动平均。
# 下面每种写法各用一张新图、一个新模型训练 200 步。两个版本的 `moving_mean` 都停在 0，
# 推理模式下的测试损失远高于上面正确训练的结果；训练损失照样下降，所以单看训练损失发现不了。
#
# 最后一行是 Keras 3 的另一种正确写法：把训练调用包进 `tf.function`。
# 函数体里的有状态操作按代码顺序自动加上控制依赖，每次调用都执行，
# 所以只运行 `minimize` 就会更新移动平均（下面断言检查），Dropout 的种子也照样推进
# （[Session 里的 Dropout 与 BatchNormalization](dropout-batchnorm-session.md)那页跑过）；不用找赋值操作，梯度也能穿过函数调用。
# %% [markdown] lang="en"
# ## 7. Skipping the state updates { #skip-state }
#
# For comparison, the common mistake: run only `minimize(loss)` and forget the moving averages.
# Below, each way trains a new model in a new graph for 200 steps. Under both versions the moving
# mean stays at 0, and the test loss in inference mode is far above the properly trained one's.
# The training loss falls all the same, so watching it alone shows nothing wrong.
#
# The last row is another right way for Keras 3: wrap the training call in `tf.function`. Inside
# the function, stateful ops get automatic control dependencies in program order and run on every
# call, so running `minimize` alone updates the moving averages (asserted below), and Dropout's
# seed advances too (the
# [Dropout and BatchNormalization inside a Session](dropout-batchnorm-session.md) page runs that); no assign ops to hunt
# for, and the gradients flow through the function call.


# %%
def train_variant(K, variant):
    """Train a new model running only minimize(loss); return the moving mean, the first and
    last training losses, and the test loss."""
    with graph().as_default():
        x = tf.compat.v1.placeholder(tf.float32, [None, 4])
        y = tf.compat.v1.placeholder(tf.float32, [None, 1])
        model = make_model(K)
        if variant == "tf.function":
            train_out = tf.function(lambda t: model(t, training=True))(x)
        else:
            train_out = model(x, training=True)
        test_loss = tf.reduce_mean(tf.square(model(x, training=False) - y))
        loss = tf.reduce_mean(tf.square(train_out - y))
        step = tf.compat.v1.train.GradientDescentOptimizer(0.1).minimize(loss)
        moving_mean = model.bn.moving_mean.value if K is keras else model.bn.moving_mean
        with tf.compat.v1.Session() as sess:
            sess.run(tf.compat.v1.global_variables_initializer())
            losses = [sess.run([loss, step], {x: X, y: Y})[0] for _ in range(STEPS)]
            mean, test = sess.run([moving_mean, test_loss], {x: X_test, y: Y_test})
    return mean, losses[0], losses[-1], test


for name, variant in [
    ("Keras 3", "minimize only"),
    ("tf_keras", "minimize only"),
    ("Keras 3", "tf.function"),
]:
    mean, first, last, test_loss = train_variant(VERSIONS[name], variant)
    print(
        f"{name:8} {variant:13} | training loss {first:.1f} -> {last:.1f} | "
        f"mean |moving_mean| {np.abs(mean).mean():.1f} | test loss {test_loss:.1f}"
    )
    assert last < first / 10
    if variant == "tf.function":
        assert np.all(np.abs(mean) > 0.05) and test_loss < 1
    else:
        assert not mean.any() and test_loss > 1

# %% [markdown] lang="zh"
# ## 8. 保存与恢复 { #saver }
#
# 用 `tf.compat.v1.train.Saver` 把两个训练好的会话存成检查点（checkpoint），
# 写到工作目录下的一个临时文件夹里，并先在评估图上记下测试数据的预测。
# `tf.train.list_variables` 列出检查点里的键：就是图里的变量名。
# Keras 3 的键里没有层名，只靠 `kernel`、`kernel_1` 这样的编号区分；
# 种子变量 `seed_generator_state` 也在里面。
# %% [markdown] lang="en"
# ## 8. Save and restore { #saver }
#
# `tf.compat.v1.train.Saver` saves both trained sessions as checkpoints, into a temporary folder in
# the working folder; the predictions of the evaluation graph on the test data are kept first.
# `tf.train.list_variables` lists the checkpoint's keys: the variables' names in the graph. Keras
# 3's keys carry no layer name, only numbers such as `kernel`, `kernel_1`; the seed variable
# `seed_generator_state` is there too.

# %%
ckpt_dir = tempfile.mkdtemp(prefix="ckpt-", dir=".")
for name, net in nets.items():
    with net.graph.as_default():
        saver = tf.compat.v1.train.Saver()
        net.ckpt = saver.save(net.sess, os.path.join(ckpt_dir, net.K.__name__))
    net.predictions = net.sess.run(net.eval_out, {net.x: X_test})
    keys = [key for key, _ in tf.train.list_variables(net.ckpt)]
    print(f"{name}: {len(keys)} keys")
    print("  ", keys)

# %% [markdown] lang="zh"
# 恢复时，在一张新图里重建模型，只建评估图，再 `Saver().restore`。`Saver` 按变量名去检查点里找键。
#
# Keras 3 在同一个进程里接着给层和模型编号，不管是不是新图。本页已经建过三个 Keras 3 模型，
# 重建的这个叫 `keras_model_3`，变量名对不上检查点里的 `keras_model/...`，于是 `NotFoundError`。
# %% [markdown] lang="en"
# To restore, rebuild the model in a new graph, build only the evaluation graph, then call
# `Saver().restore`. `Saver` looks up each variable's name among the checkpoint's keys.
#
# Keras 3 keeps numbering layers and models within a process, new graph or not. This page has
# built three Keras 3 models already, so the rebuilt one is `keras_model_3`: its variable names do
# not match the checkpoint's `keras_model/...`, and restoring raises `NotFoundError`.


# %%
def rebuild_and_restore(name, ckpt):
    """A new graph and a new model (evaluation only), restored from ckpt; test predictions."""
    with graph().as_default():
        x = tf.compat.v1.placeholder(tf.float32, [None, 4], name="x")
        model = make_model(VERSIONS[name])
        out = model(x, training=False)
        names = [v.op.name for v in tf.compat.v1.global_variables()]
        print(f"{name:8} | rebuilt: {names[:3]} ... ({len(names)} variables)")
        with tf.compat.v1.Session() as sess:
            tf.compat.v1.train.Saver().restore(sess, ckpt)
            return sess.run(out, {x: X_test})


with expect(tf.errors.NotFoundError, "not found in checkpoint"):
    rebuild_and_restore("Keras 3", nets["Keras 3"].ckpt)

# %% [markdown] lang="zh"
# 办法是重建之前调用 `keras.backend.clear_session()`，把 Keras 3 的编号清零，
# 重建的模型又叫 `keras_model`，种子变量又叫 `seed_generator`，和检查点一一对上。
# 它要在任何 `with graph.as_default():` 之外调用：它会重置默认图（default graph），
# 在嵌套的图里调用会报 `AssertionError`。另一种办法是不清零，给 `Saver` 传
# `var_list={检查点里的键: 变量}` 映射，见 [Keras 3 与 tf_keras](keras3-vs-tf-keras.md#variable-names)。
#
# tf_keras 在每张图里从头编号，新图里重建的名字和检查点一样，直接恢复即可。
# 两个版本恢复后的预测都和保存前完全相同。
# %% [markdown] lang="en"
# The fix: call `keras.backend.clear_session()` before rebuilding. It resets Keras 3's numbering,
# so the rebuilt model is `keras_model` again and the seed variable `seed_generator`, matching the
# checkpoint one for one. Call it outside any `with graph.as_default():`: it resets the default
# graph, which raises `AssertionError` inside a nested graph. The other fix leaves the numbering
# alone and gives `Saver` a `var_list={checkpoint_key: variable}` mapping; see
# [Keras 3 vs tf_keras](keras3-vs-tf-keras.md#variable-names).
#
# tf_keras numbers from scratch in each graph: rebuilt in a new graph, the names match the
# checkpoint and restoring just works. Under both versions, the restored predictions equal the
# ones before saving.

# %%
with graph().as_default():
    with expect(AssertionError, "Do not use tf.reset_default_graph() to clear nested graphs"):
        keras.backend.clear_session()

keras.backend.clear_session()
for name, net in nets.items():
    restored = rebuild_and_restore(name, net.ckpt)
    np.testing.assert_allclose(restored, net.predictions)
    print(f"{'':8} | predictions after restore equal those before saving: True")

for net in nets.values():
    net.sess.close()
shutil.rmtree(ckpt_dir)

# %% [markdown] lang="zh"
# ## 接下来
#
# - [训练模式与推理模式](training-mode.md)：`training` 怎样传到子层，以及用 `tf.bool` 占位符切换模式。
# - [Session 里的 Dropout 与 BatchNormalization](dropout-batchnorm-session.md)：Dropout 和 BatchNormalization 在会话里的行为。
# - [Keras 3 与 tf_keras 在 Session 下的差异](keras3-vs-tf-keras.md)：两个版本在图代码里的全部差别，
#   以及什么时候该设 `TF_USE_LEGACY_KERAS=1`。
# - [把 TF1 训练步骤迁移到 TF2](migrate-training-step.md)：同一个训练步骤不用会话怎么写。
# - [`feed_dict`：馈送的全部规则](session-feed-dict.md)：占位符以外还能馈送什么，哪些写法会报错。
# %% [markdown] lang="en"
# ## Where next
#
# - [Training and inference mode](training-mode.md): how `training` reaches sublayers, and switching
#   modes with a `tf.bool` placeholder.
# - [Dropout and BatchNormalization inside a Session](dropout-batchnorm-session.md): how Dropout and
#   BatchNormalization behave in a session.
# - [Keras 3 vs tf_keras under Session](keras3-vs-tf-keras.md): every difference between the two
#   versions in graph code, and when to set `TF_USE_LEGACY_KERAS=1`.
# - [Migrate a TF1 training step to TF2](migrate-training-step.md): the same training step without
#   a session.
# - [`feed_dict`: every rule of feeding](session-feed-dict.md): what else can be fed besides
#   placeholders, and which feeds raise.
