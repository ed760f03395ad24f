# %% [markdown] lang="zh"
# # 迁移到 TF2
#
# TF1 的代码先建图（graph），再在会话（`Session`）里用 `sess.run` 取回（`fetch`）结果；
# TF2 默认即时执行（eager execution），需要图的地方用 `tf.function`。
# 本页把同样的计算分别写成三种形式：`sess.run`（图模式，graph mode）、`tf.function`、普通即时执行，
# 断言三者结果相同；最后实测每次调用的耗时。
#
# | TF1（图 + 会话） | TF2 | 本页验证了什么 |
# |---|---|---|
# | [占位符（`placeholder`）+ `feed_dict`](#一个类似-dense-的计算) | 函数参数 | 结果逐位相同 |
# | [`tf.compat.v1.Variable` + `global_variables_initializer()`](#一个类似-dense-的计算) | `tf.Variable`，创建时就有值 | 同上 |
# | [`sess.run(counter.assign_add(1))`：只有取回时才执行](#有状态的计数器) | `tf.function` 里的 `assign_add`：不返回也会按顺序执行 | 三种写法计数相同；不取回赋值操作时 TF1 的计数不变 |
# | [占位符上调用 Keras 层，再 `sess.run`](#keras-层) | 直接 `layer(x)`，或放进 `tf.function` | 结果逐位相同 |
# | [每次 `sess.run` 的固定开销](#这些数字说明了什么) | `tf.function` / 即时执行 | 见文末实测：不带馈送的 `make_callable` 是几种 `Session` 调用里最快的；带馈送的 `make_callable` 并不比 `sess.run` 快 |
# | [三个操作的小计算](#这些数字说明了什么) | `tf.function` | 实测没有明显快过即时执行 |
# | [150 个操作](#操作多了以后) | `tf.function` | 实测比即时执行快得多（至少三倍）；`sess.run` 也是一次调用运行整张图，同样快得多 |
# %% [markdown] lang="en"
# # From Session.run to TF2
#
# TF1 code builds a graph, then fetches results with `sess.run` inside a `Session`. TF2 executes
# eagerly by default and uses `tf.function` where a graph is wanted. This page writes the same
# computations three ways: `sess.run` (graph mode), `tf.function` and plain eager execution, and
# asserts that the three agree. At the end it measures the per-call latency of each.
#
# | TF1 (graph + session) | TF2 | What this page checks |
# |---|---|---|
# | [`placeholder` + `feed_dict`](#a-dense-like-computation) | a function argument | bit-identical results |
# | [`tf.compat.v1.Variable` + `global_variables_initializer()`](#a-dense-like-computation) | `tf.Variable`, initialized when created | same |
# | [`sess.run(counter.assign_add(1))`: runs only when fetched](#a-stateful-counter) | `assign_add` inside `tf.function`: runs in order even if not returned | the three count alike; TF1 does not count when the assign op is not fetched |
# | [a Keras layer called on a placeholder, then `sess.run`](#a-keras-layer) | `layer(x)` directly, or inside `tf.function` | bit-identical results |
# | [the fixed cost of every `sess.run`](#what-the-numbers-say) | `tf.function` / eager | measured at the end: `make_callable` without feeds is the fastest `Session` call; `make_callable` with feeds is no faster than `sess.run` |
# | [a small computation of three ops](#what-the-numbers-say) | `tf.function` | measured: no clear gain over eager |
# | [150 ops](#with-many-more-ops) | `tf.function` | measured: much faster than eager (at least 3x); so is `sess.run`, which also runs the whole graph in one call |

# %% [markdown] lang="zh"
# ## 准备
#
# 本页一直开着即时执行；TF1 的部分用 `with tf.Graph().as_default():` 临时建一张图，
# 图里的占位符、变量和会话都只属于这张图。输入和初始权重用 numpy 生成，三种写法共用。
# %% [markdown] lang="en"
# ## Setup
#
# Eager execution stays on for the whole page; the TF1 parts build a temporary graph with
# `with tf.Graph().as_default():`, and its placeholders, variables and sessions belong to that
# graph only. Inputs and initial weights come from numpy and are shared by all three forms.

# %%
import os

os.environ["TF_CPP_MIN_LOG_LEVEL"] = "3"

import numpy as np
import tensorflow as tf

tf.keras.utils.set_random_seed(0)
np.random.seed(0)
tf.compat.v1.set_random_seed(0)

print("TensorFlow", tf.__version__, "| tf.keras", tf.keras.__version__)
print("executing eagerly:", tf.executing_eagerly())

inputs = np.random.rand(2, 4).astype(np.float32)
w_init = np.random.randn(4, 3).astype(np.float32)
b_init = np.random.randn(3).astype(np.float32)

# %% [markdown] lang="zh"
# ## 一个类似 Dense 的计算
#
# 计算 `relu(x @ W + b)`：`W`、`b` 是变量，`x` 从外面传进来。
#
# ### TF1：图 + `sess.run`
#
# `x` 是占位符，通过 `feed_dict` 馈送（`feed`）；变量要先运行初始化器（`initializer`）才有值。
# %% [markdown] lang="en"
# ## A Dense-like computation
#
# Compute `relu(x @ W + b)`: `W` and `b` are variables, `x` comes from outside.
#
# ### TF1: a graph and `sess.run`
#
# `x` is a placeholder, fed through `feed_dict`; the variables have no value until their
# initializer runs.

# %%
with tf.Graph().as_default():
    x = tf.compat.v1.placeholder(tf.float32, shape=[None, 4], name="x")
    W = tf.compat.v1.Variable(w_init, name="W")
    b = tf.compat.v1.Variable(b_init, name="b")
    y = tf.nn.relu(tf.matmul(x, W) + b)
    print("inside the graph block, executing eagerly:", tf.executing_eagerly())
    print(y)

    with tf.compat.v1.Session() as sess:
        sess.run(tf.compat.v1.global_variables_initializer())
        out_session = sess.run(y, feed_dict={x: inputs})

print(type(out_session).__name__)
print(out_session.round(4))  # rounded: the last digits of float32 results differ between CPUs

# %% [markdown] lang="zh"
# ### TF2：`tf.function` 和即时执行
#
# 占位符变成函数参数，`tf.Variable` 创建时就有值，不需要初始化器，也不需要会话。
# 加上 `@tf.function`，第一次调用时 TF 追踪（trace）这个 Python 函数，建出一张图，之后直接运行这张图；
# 不加就是逐个操作立即执行。三种写法的结果逐位相同：
# %% [markdown] lang="en"
# ### TF2: `tf.function` and eager
#
# The placeholder becomes a function argument; a `tf.Variable` has its value from the start, with
# no initializer and no session. With `@tf.function`, the first call traces the Python function
# into a graph and later calls run that graph; without it, each op runs immediately. The three
# results are bit-identical:

# %%
W2 = tf.Variable(w_init, name="W")
b2 = tf.Variable(b_init, name="b")


def dense(x):
    return tf.nn.relu(tf.matmul(x, W2) + b2)


dense_fn = tf.function(dense)

out_function = dense_fn(inputs).numpy()
out_eager = dense(inputs).numpy()

np.testing.assert_array_equal(out_function, out_session)
np.testing.assert_array_equal(out_eager, out_session)
print("sess.run == tf.function == eager, bit for bit")

# %% [markdown] lang="zh"
# ## 有状态的计数器
#
# ### TF1：赋值操作只有被取回时才执行
#
# 在图模式里，`counter.assign_add(1)` 只是图里的一个操作，不取回它就不会执行。
# 取回三次，计数到 3；取回一个与它无关的张量，计数器不动：
# %% [markdown] lang="en"
# ## A stateful counter
#
# ### TF1: an assign op runs only when fetched
#
# In graph mode, `counter.assign_add(1)` is just an op in the graph; it runs only if fetched.
# Fetching it three times counts to 3; fetching an unrelated tensor leaves the counter alone:

# %%
with tf.Graph().as_default():
    counter = tf.compat.v1.Variable(0, name="counter")
    increment = counter.assign_add(1)
    unrelated = tf.constant(5)

    with tf.compat.v1.Session() as sess:
        sess.run(counter.initializer)
        counts_session = [int(sess.run(increment)) for _ in range(3)]
        sess.run(unrelated)
        after_unrelated = int(sess.run(counter))

print("sess.run(increment) x3:", counts_session)
print("after fetching an unrelated tensor:", after_unrelated)
assert counts_session == [1, 2, 3] and after_unrelated == 3

# %% [markdown] lang="zh"
# ### TF2：副作用按代码顺序执行
#
# `tf.function` 里对变量的赋值是有状态的操作，TF 自动给它们加上控制依赖（control dependency），
# 按代码顺序执行，**不需要返回**。下面的 `step` 返回的是常量，计数器照样每次加一。
#
# 反过来，Python 自己的副作用（这里是往列表里追加）只在追踪时发生一次，之后的调用不再运行 Python 代码。
# 即时执行则每次都直接运行：
# %% [markdown] lang="en"
# ### TF2: side effects run in program order
#
# An assignment to a variable inside `tf.function` is a stateful op; TF adds automatic control
# dependencies so it runs in program order, **without being returned**. The `step` below returns a
# constant, and the counter still goes up on every call.
#
# Conversely, a Python side effect (appending to a list here) happens once, while tracing; later
# calls do not run the Python code. Eager code simply runs every time:

# %%
counter2 = tf.Variable(0, name="counter")
traces = []


@tf.function
def step():
    traces.append("traced")
    counter2.assign_add(1)
    return tf.constant(5)


counts_function = []
for _ in range(3):
    step()
    counts_function.append(int(counter2.numpy()))

counter3 = tf.Variable(0, name="counter")
counts_eager = [int(counter3.assign_add(1).numpy()) for _ in range(3)]

print("tf.function:", counts_function, "| Python side effect ran", len(traces), "time(s)")
print("eager:      ", counts_eager)
assert counts_function == counts_eager == counts_session
assert len(traces) == 1

# %% [markdown] lang="zh"
# ## Keras 层
#
# 同一个 Keras 3 的 `Dense` 层（权重用同样的常量初始化）分别用三种方式运行。
# 在 `tf.Graph()` 块里，层的权重进了图的全局变量集合，所以
# `global_variables_initializer()` 能初始化它们；在 TF2 里直接调用层即可。
# %% [markdown] lang="en"
# ## A Keras layer
#
# The same Keras 3 `Dense` layer (weights initialized from the same constants) runs three ways.
# Inside a `tf.Graph()` block the layer's weights join the graph's global variables collection, so
# `global_variables_initializer()` initializes them; in TF2 you just call the layer.


# %%
def make_layer():
    return tf.keras.layers.Dense(
        3,
        activation="relu",
        kernel_initializer=tf.keras.initializers.Constant(w_init),
        bias_initializer=tf.keras.initializers.Constant(b_init),
    )


with tf.Graph().as_default():
    x = tf.compat.v1.placeholder(tf.float32, shape=[None, 4], name="x")
    graph_layer = make_layer()
    y = graph_layer(x)
    print("global variables:", [v.name for v in tf.compat.v1.global_variables()])
    with tf.compat.v1.Session() as sess:
        sess.run(tf.compat.v1.global_variables_initializer())
        layer_session = sess.run(y, feed_dict={x: inputs})

eager_layer = make_layer()
layer_eager = eager_layer(inputs).numpy()
layer_function = tf.function(eager_layer)(inputs).numpy()

np.testing.assert_array_equal(layer_eager, layer_session)
np.testing.assert_array_equal(layer_function, layer_session)
np.testing.assert_array_equal(layer_session, out_session)
print("Keras layer: sess.run == tf.function == eager == the hand-written computation")

# %% [markdown] lang="zh"
# ## 每次调用的耗时
#
# 迁移时常有人问：`sess.run` 是不是很慢？`tf.function` 会不会更快？下面实测一下。
# 网站上的数字来自构建本页的机器，只用 CPU；你运行笔记本时，测的是你的机器。
# 计算仍是上面的 `relu(x @ W + b)`，输入只有一行，所以测到的几乎全是每次调用的固定开销，
# 而不是计算本身。参加比较的六种调用方式：
#
# | 名称 | 调用 |
# |---|---|
# | `sess.run + feed_dict` | `sess.run(y, feed_dict={x: row})` |
# | `sess.run, no feed` | `sess.run(y_var)`：输入存在一个变量里，不用馈送 |
# | `make_callable + feed` | `sess.make_callable(y, feed_list=[x])` 返回的函数，调用 `f(row)` |
# | `make_callable, no feed` | `sess.make_callable(y_var)` 返回的函数，调用 `f()` |
# | `tf.function` | `dense_fn(row)`，已经追踪过 |
# | `eager` | `dense(row)` |
#
# 加上 `sess.run, no feed`，是为了把“馈送的开销”和“`make_callable` 的作用”分开。
# 带馈送和 TF2 的几种都传入同一个 numpy 数组 `row`。
# %% [markdown] lang="en"
# ## Per-call latency
#
# A common question when migrating: is `sess.run` slow, and is `tf.function` faster? Below, a
# measurement: on the site, from the machine that built the page, CPU only; when you run the
# notebook, from yours. The computation is still `relu(x @ W + b)` on a single row,
# so what is measured is almost entirely the fixed cost of a call, not the arithmetic. Six ways
# to call it:
#
# | Name | Call |
# |---|---|
# | `sess.run + feed_dict` | `sess.run(y, feed_dict={x: row})` |
# | `sess.run, no feed` | `sess.run(y_var)`: the input lives in a variable, nothing is fed |
# | `make_callable + feed` | the function from `sess.make_callable(y, feed_list=[x])`, called as `f(row)` |
# | `make_callable, no feed` | the function from `sess.make_callable(y_var)`, called as `f()` |
# | `tf.function` | `dense_fn(row)`, already traced |
# | `eager` | `dense(row)` |
#
# `sess.run, no feed` is there to separate the cost of feeding from the effect of `make_callable`.
# The variants with feeds and the TF2 ones all receive the same numpy array `row`.

# %%
row = inputs[:1]

timing_graph = tf.Graph()
with timing_graph.as_default():
    x = tf.compat.v1.placeholder(tf.float32, shape=[None, 4], name="x")
    W = tf.compat.v1.Variable(w_init, name="W")
    b = tf.compat.v1.Variable(b_init, name="b")
    x_var = tf.compat.v1.Variable(row, name="x_var")
    y = tf.nn.relu(tf.matmul(x, W) + b)
    y_var = tf.nn.relu(tf.matmul(x_var, W) + b)
    init = tf.compat.v1.global_variables_initializer()

timing_sess = tf.compat.v1.Session(graph=timing_graph)
timing_sess.run(init)
run_with_feed = timing_sess.make_callable(y, feed_list=[x])
run_without_feed = timing_sess.make_callable(y_var)

candidates = {
    "sess.run + feed_dict": lambda: timing_sess.run(y, feed_dict={x: row}),
    "sess.run, no feed": lambda: timing_sess.run(y_var),
    "make_callable + feed": lambda: run_with_feed(row),
    "make_callable, no feed": lambda: run_without_feed(),
    "tf.function": lambda: dense_fn(row),
    "eager": lambda: dense(row),
}

# every candidate computes the same numbers
expected = candidates["sess.run + feed_dict"]()
for call in candidates.values():
    np.testing.assert_array_equal(np.asarray(call()), expected)
print("all six agree:", expected.round(4))
print("max difference from row 0 of the 2-row result:", np.abs(expected - out_session[:1]).max())
traces_before = dense_fn.experimental_get_tracing_count()
print("tf.function traces so far:", traces_before)

# %% [markdown] lang="zh"
# `tf.function` 已经追踪了两次：一次是前面输入形状为 `(2, 4)` 的调用，一次是刚才形状为 `(1, 4)` 的 `row`。
# 输入形状变了就会重新追踪；测量时只用 `row`，所以计时过程中不会再追踪（最后用断言检查）。
#
# 六种方式的结果逐位相同。和前面两行输入的第一行相比，最后一位可能不同（差值见上面的输出）：
# 只有一行时，CPU 上的矩阵乘法可能走另一条代码路径，舍入也就不同。
#
# 测量方法：每种方式先热身 200 次；然后测 500 轮。每一轮里六种方式按随机顺序各调用 5 次，
# 第 1 次不计时（刚换过来的方式缓存是冷的），后 4 次计时，每种方式共 2000 次。
# 机器忽忙忽闲（另一个核心有没有活、CPU 频率高低）会让耗时成倍变化；分成短块、打乱顺序，
# 这种变化和换方式的代价就均匀地落在各种方式上。
# 每次调用单独计时，报告中位数和四分位距（IQR，第 25 到第 75 百分位），单位微秒（µs）。
# 原始数据可以下载：<a href="download:latency.csv" download>latency.csv</a>。
#
# 计时的几格（下一格、它下面的图和“操作多了以后”里的那一格）的输出每次运行都不一样，换一台机器更不一样；
# 其余各格的输出每次运行都相同。
# %% [markdown] lang="en"
# The `tf.function` has been traced twice: once for the `(2, 4)` input earlier and once for the
# `(1, 4)` `row` just now. A new input shape means a new trace; the measurement uses only `row`,
# so nothing is traced while timing (an assertion checks it at the end).
#
# The six results agree bit for bit. Against the first row of the two-row result earlier, the last
# digit may differ (the difference is printed above): with a single row, the CPU matmul may take
# another code path and round differently.
#
# The method: 200 warm-up calls per variant; then 500 rounds. In each round the six variants
# take turns in a random order, 5 calls each; the first is not timed (a variant that just took
# over finds the caches cold), the other 4 are, for 2000 per variant. How busy the machine is
# (work on the other core, the CPU's clock) can change a call's time severalfold; short blocks in a
# shuffled order spread those ups and downs, and the cost of switching, evenly over the variants. Each call is timed on its own; the table gives the median and the interquartile
# range (IQR, 25th to 75th percentile) in microseconds (µs). The raw data can be downloaded:
# <a href="download:latency.csv" download>latency.csv</a>.
#
# The outputs of the timing cells (the next cell, the chart below it and the cell under "With many
# more ops") change from run to run, and more so from machine to machine; every other output on
# the page is the same on every run.

# %%
# timing cell: output varies per run
import csv
import platform
import time


def cpu_model():
    """platform.processor() is often empty on Linux; fall back to /proc/cpuinfo."""
    if platform.processor():
        return platform.processor()
    if os.path.exists("/proc/cpuinfo"):
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    return "(not reported)"


print("machine:", platform.machine(), "|", cpu_model())
print("os.cpu_count():", os.cpu_count(), "| Python", platform.python_version())
print("TensorFlow", tf.__version__, "| numpy", np.__version__)
print(
    "TF_NUM_INTRAOP_THREADS:",
    os.environ.get("TF_NUM_INTRAOP_THREADS", "not set"),
    "| TF_ENABLE_ONEDNN_OPTS:",
    os.environ.get("TF_ENABLE_ONEDNN_OPTS", "not set"),
)

WARMUP, ROUNDS, BLOCK = 200, 500, 5
order = np.random.default_rng(0)
for call in candidates.values():
    for _ in range(WARMUP):
        call()

samples = {name: [] for name in candidates}
started = time.perf_counter()
for _ in range(ROUNDS):  # short blocks in a new order each round: see the method above
    for name in order.permutation(list(candidates)):
        call = candidates[name]
        call()  # untimed: the first call after another variant pays for cold caches
        for _ in range(BLOCK - 1):
            t0 = time.perf_counter_ns()
            call()
            samples[name].append(time.perf_counter_ns() - t0)
elapsed = time.perf_counter() - started

stats = {}
for name, times in samples.items():
    q1, median, q3 = np.percentile(np.array(times) / 1000, [25, 50, 75])
    stats[name] = (median, q1, q3)

print(f"\n{ROUNDS * (BLOCK - 1)} timed calls per variant, {elapsed:.1f} s in total\n")
print(f"{'variant':<24}{'median µs':>11}{'IQR µs':>18}{'vs sess.run+feed':>18}")
base = stats["sess.run + feed_dict"][0]
for name, (median, q1, q3) in stats.items():
    print(f"{name:<24}{median:>11.1f}{f'{q1:.1f} – {q3:.1f}':>18}{median / base:>17.2f}x")

os.makedirs("downloads", exist_ok=True)
with open("downloads/latency.csv", "w", newline="") as f:  # csv quotes "sess.run, no feed"
    writer = csv.writer(f)
    writer.writerow(["variant", "call", "nanoseconds"])
    for name, times in samples.items():
        writer.writerows([name, i, t] for i, t in enumerate(times))

assert dense_fn.experimental_get_tracing_count() == traces_before  # no retracing while timing

# the claims in bold in the text below; they follow from how each call works, not from this
# machine's ratios, and the margins are wide: they must hold on any machine and thread count
med = {name: m for name, (m, _, _) in stats.items()}
other_session_calls = ["sess.run + feed_dict", "sess.run, no feed", "make_callable + feed"]
assert med["make_callable, no feed"] < min(med[name] for name in other_session_calls)
assert 0.67 < med["make_callable + feed"] / med["sess.run + feed_dict"] < 1.5
assert med["tf.function"] > 0.67 * med["eager"]  # fails only if tf.function is 1.5x faster

# %%
# timing cell: output varies per run
import matplotlib.pyplot as plt
from IPython.display import display
from matplotlib_inline.backend_inline import set_matplotlib_formats

set_matplotlib_formats("retina")  # twice the pixels at the same size: sharp on phones too
plt.rcParams["font.size"] = 11  # a small figure with large text stays legible on a phone

names = list(stats)
medians = np.array([stats[n][0] for n in names])
lower = medians - np.array([stats[n][1] for n in names])
upper = np.array([stats[n][2] for n in names]) - medians

fig, ax = plt.subplots(figsize=(4.8, 3.6), layout="constrained", facecolor="white")
ax.set_facecolor("white")
ax.barh(names, medians, xerr=[lower, upper], color="#4c72b0", capsize=4)
ax.invert_yaxis()
ax.set_xlabel("µs per call (median, error bar = IQR)")
threads = os.environ.get("TF_NUM_INTRAOP_THREADS", "TF's default")
ax.set_title(
    f"Per-call latency, TF {tf.__version__}\n"
    f"{platform.machine()}, {os.cpu_count()} CPUs, intra-op threads: {threads}",
    fontsize=11,
)
ax.grid(axis="x", alpha=0.3)

# the description for screen readers; the site shows the one in the page's language
fastest, slowest = min(med, key=med.get), max(med, key=med.get)
alt_zh = (
    "横向条形图：六种调用方式每次调用耗时的中位数（微秒），误差线是四分位距。"
    f"这次运行最快的是 {fastest}，最慢的是 {slowest}；各项数字见上一格打印的表格。"
)
alt_en = (
    "Horizontal bar chart: the median time per call, in microseconds, of the six ways to run "
    f"the computation, with the interquartile range as error bars. Fastest this run: {fastest}; "
    f"slowest: {slowest}. The table printed by the previous cell gives the numbers."
)
display(fig, metadata={"image/png": {"alt_zh": alt_zh, "alt_en": alt_en}})
plt.close(fig)

# %% [markdown] lang="zh"
# ### 这些数字说明了什么
#
# 上面的数字来自运行这个 notebook 的那台机器：在网站上是构建本页的机器，每个运算只用一个线程、
# oneDNN 关闭（见标题下的环境说明）；你自己运行时则是你的机器。CPU、线程数、oneDNN 设置、有没有 GPU，
# 甚至机器当时忙不忙，都会改变这些耗时，也会改变它们之间的比值。所以下面不引用任何比值，
# 只写由每种调用方式的工作原理决定、在任何机器上都应成立的结论；具体差多少，请看上面打印的数字。
# 加粗的几条在上一格里用断言检查过，并留了很宽的余量；断言不成立，网站就构建不出来。
#
# - **不带馈送的 `make_callable` 是用 `Session` 运行这张图最快的方式**：它的中位数比另外三种 `Session`
#   调用都小。它和 `sess.run, no feed` 运行的是同一张图、同一个取回，差别只在于：快速路径直接调用 C 接口，
#   跳过了 `sess.run` 每次都要做的 Python 工作（解析取回结构、处理馈送、检查图有没有变）。
#   它是否也比即时执行快，要看机器：即时执行在调用它的线程上直接运行这三个操作，而每次运行图
#   （四种 `Session` 调用和 `tf.function` 都是）都要经过 TensorFlow 的图执行器，这部分开销因机器和设置而异。
# - **带馈送的 `make_callable` 并不比 `sess.run` 快**：带 `feed_list` 时它只是拼出 `feed_dict`
#   再调用 `sess.run`（见 [Session 的其他用法](session-more.md)），做的事只多不少。
#   断言要求两者的中位数相差不到 1.5 倍。上表最后一列是这次的比值，测量误差可能让它略小于 1。
# - 馈送本身也有开销：每次调用都要转换 numpy 数组、把它送进图里，`sess.run, no feed` 省掉了这些工作。
#   这部分开销有多大，比较上表两行 `sess.run` 就知道。
# - **对只有三个操作的计算，`tf.function` 没有明显快过即时执行**（只有它快到 1.5 倍时断言才会失败）。
#   每次调用 `tf.function` 都有固定开销：把 numpy 参数转换成张量、按签名找到追踪好的图、再启动这张图；
#   三个操作省下的时间抵不过这些开销。
#
# 单行输入下这个计算本身微不足道（比上表里整个 `make_callable, no feed` 调用还少，而那还包括调用本身），
# 表里的数字几乎全是调用开销。所以不能由此推断大模型的训练速度。
# %% [markdown] lang="en"
# ### What the numbers say
#
# The numbers above come from the machine that ran this notebook: on the site, the machine that
# built the page, with one thread per op and oneDNN off (see the environment line under the
# title); if you run it yourself, yours. The CPU, the thread count, the oneDNN setting, a GPU and
# even how busy the machine is all change these times, and the ratios between them too. So the text below quotes no ratios: it
# states only what follows from how each call works and should hold on any machine; for how large
# each gap is, read the numbers above. The points in bold are checked by assertions in the cell
# above, with wide margins; if one fails, the site does not build.
#
# - **`make_callable` without feeds is the fastest way to run the graph with a `Session`**: its
#   median is below those of the other three `Session` variants. It runs the same graph and the
#   same fetch as `sess.run, no feed`; the only difference is that the fast path calls the C API
#   directly and skips the Python work `sess.run` does on every call (parsing the fetch structure,
#   handling feeds, checking whether the graph changed). Whether it also beats eager depends on the
#   machine: eager runs the three ops right on the calling thread, while every graph run (the four
#   `Session` variants and `tf.function`) goes through TensorFlow's graph executor, whose overhead
#   differs between machines and settings.
# - **`make_callable` with feeds is no faster than `sess.run`**: with `feed_list` it only builds a
#   `feed_dict` and calls `sess.run` (see [More of Session](session-more.md)), so it does the same
#   work and a little more. The assertion requires the two medians to be within 1.5x of each
#   other; the last column of the table gives this run's ratio, which measurement noise can put
#   slightly below 1.
# - Feeding has a cost of its own: every call converts the numpy array and passes it into the
#   graph, work that `sess.run, no feed` does not do. Compare the two `sess.run` rows of the table
#   to see how much it costs.
# - **For a computation of three ops, `tf.function` is no clear gain over eager** (the assertion
#   fails only if it is 1.5 times faster). Every `tf.function` call has a fixed cost: convert the
#   numpy argument to a tensor, find the traced graph that matches the signature, launch that
#   graph. Three ops do not save enough to pay for it.
#
# With one input row the arithmetic itself is tiny (less than the whole `make_callable, no feed`
# call in the table, which includes the call itself), so the table measures call overhead almost
# entirely. It says nothing about how fast a large model trains.

# %% [markdown] lang="zh"
# ### 操作多了以后
#
# 把同样的 `relu(x @ W + b)` 连续做 50 次（150 个操作，`W` 换成 4×4），再比较 `sess.run`、
# `tf.function` 和即时执行。即时执行每个操作都要从 Python 发起一次，开销随操作数增长；
# `tf.function` 和 `sess.run` 每次调用只发起一次整张图。每种方式热身 20 次，再测 50 轮，方法同上（每轮每种 5 次，后 4 次计时）。
# %% [markdown] lang="en"
# ### With many more ops
#
# Repeat the same `relu(x @ W + b)` 50 times in a chain (150 ops, with a 4×4 `W`) and compare
# `sess.run`, `tf.function` and eager again. Eager launches every op from Python, so its cost grows
# with the number of ops; `tf.function` and `sess.run` launch the whole graph once per call. 20
# warm-up calls per variant, then 50 rounds measured as above (5 calls each, the last 4 timed).

# %%
# timing cell: output varies per run
DEPTH = 50
w_square = np.random.randn(4, 4).astype(np.float32) * 0.5
W_deep = tf.Variable(w_square, name="W_deep")
b_deep = tf.Variable(b_init[:1].repeat(4), name="b_deep")


def deep(x):
    for _ in range(DEPTH):
        x = tf.nn.relu(tf.matmul(x, W_deep) + b_deep)
    return x


deep_fn = tf.function(deep)

deep_graph = tf.Graph()
with deep_graph.as_default():
    x = tf.compat.v1.placeholder(tf.float32, shape=[None, 4], name="x")
    W = tf.compat.v1.Variable(w_square, name="W")
    b = tf.compat.v1.Variable(b_init[:1].repeat(4), name="b")
    h = x
    for _ in range(DEPTH):
        h = tf.nn.relu(tf.matmul(h, W) + b)
    deep_sess = tf.compat.v1.Session(graph=deep_graph)
    deep_sess.run(tf.compat.v1.global_variables_initializer())

deep_candidates = {
    "sess.run + feed_dict": lambda: deep_sess.run(h, feed_dict={x: row}),
    "tf.function": lambda: deep_fn(row),
    "eager": lambda: deep(row),
}
deep_expected = deep_candidates["sess.run + feed_dict"]()
for call in deep_candidates.values():
    np.testing.assert_allclose(np.asarray(call()), deep_expected, rtol=1e-5)
    for _ in range(20):
        call()

deep_samples = {name: [] for name in deep_candidates}
for _ in range(50):  # short blocks in a new order each round, as above
    for name in order.permutation(list(deep_candidates)):
        call = deep_candidates[name]
        call()
        for _ in range(4):
            t0 = time.perf_counter_ns()
            call()
            deep_samples[name].append(time.perf_counter_ns() - t0)

print(f"{DEPTH} steps = {3 * DEPTH} ops, 200 calls per variant\n")
print(f"{'variant':<24}{'median µs':>11}{'IQR µs':>20}")
deep_med = {}
for name, times in deep_samples.items():
    q1, median, q3 = np.percentile(np.array(times) / 1000, [25, 50, 75])
    deep_med[name] = median
    print(f"{name:<24}{median:>11.1f}{f'{q1:.1f} – {q3:.1f}':>20}")
print(f"\neager / tf.function: {deep_med['eager'] / deep_med['tf.function']:.1f}x")

# deliberately low floors: other machines differ
assert deep_med["eager"] > 3 * deep_med["tf.function"]
assert deep_med["eager"] > 3 * deep_med["sess.run + feed_dict"]
assert deep_fn.experimental_get_tracing_count() == 1
deep_sess.close()

# %% [markdown] lang="zh"
# 这一次即时执行远远落后：它比 `tf.function` 和 `sess.run` 都慢得多。
# 它和 `tf.function` 的比值打印在上面。断言对两者都只要求三倍，
# 这个下限故意定得很低，给和这台机器很不一样的机器留余地。
# 即时执行要为 150 个操作中的每一个付一次 Python 的开销；
# `tf.function` 和 `sess.run` 每次调用只付一次固定开销，操作都在 C++ 里运行。
# `sess.run` 和 `tf.function` 之间没有这种结构上的差距：两者都是一次调用运行整张图，谁快取决于各自的
# 固定开销，而这随机器、线程数和 TensorFlow 版本而变，没有用断言检查。请比较上面两者的中位数
# （在网站上是构建本页的机器、每个运算一个线程；你的机器上会不一样）。
# 也就是说，`tf.function` 的好处是比即时执行快；不要指望它比 `sess.run` 快。
#
# ### 迁移时怎么选
#
# - TF1 代码里，在热循环中反复运行一张小图，最快的是不带馈送的 `make_callable`
#   （输入放在变量里或来自图内的数据管道）；带 `feed_list` 的 `make_callable` 省不了时间。
# - TF2 里把**整个**一步（前向、损失、更新）放进一个 `tf.function`，它的固定开销才摊得开；
#   只有几个操作的小计算直接即时执行就好。
# - 自己的模型要自己测：网站上的数字来自构建本页的机器，每个运算只用一个线程；换一台机器、换一种设置，
#   绝对值和比值都会变。
# %% [markdown] lang="en"
# This time eager falls far behind: it is much slower than both `tf.function` and `sess.run`. Its
# ratio to `tf.function` is printed above; the assertions ask for only 3x against each, a floor
# set low on purpose, for machines very unlike this one. Eager pays the Python cost of each of the
# 150 ops; `tf.function` and `sess.run` pay their fixed cost once per call and run the ops in
# C++. Between `sess.run` and `tf.function` there is no such structural gap: both run the whole
# graph in one call, so which one is ahead depends on their fixed costs, which change with the machine, the
# thread count and the TensorFlow version; it is not asserted. Compare their medians above (on the
# site, the machine that built the page, one thread per op; yours will differ). So what
# `tf.function` buys you is speed over eager; do not expect it to be faster than `sess.run`.
#
# ### Choosing when you migrate
#
# - In TF1 code that runs a small graph in a hot loop, the fastest option is `make_callable`
#   without feeds (inputs in variables or from an in-graph input pipeline); `make_callable` with a
#   `feed_list` saves nothing.
# - In TF2, put the **whole** step (forward pass, loss, update) in one `tf.function`, so its fixed
#   cost is spread over many ops; a small computation of a few ops is fine in plain eager.
# - Measure your own model: the numbers on the site come from the machine that built the page,
#   with one thread per op; on another machine or with other settings, both the absolute values
#   and the ratios change.

# %%
timing_sess.close()
