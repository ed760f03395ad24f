# %% [markdown] lang="zh"
# # 迁移到 TF2
#
# TF1 的代码先建图（graph），再在会话（`Session`）里用 `sess.run` 取回（`fetch`）结果；
# TF2 默认即时执行（eager execution），需要图的地方用 `tf.function`。
# 本页把同样的计算分别写成三种形式：`sess.run`（图模式，graph mode）、`tf.function`、普通即时执行，
# 断言三者结果相同；最后在本机 CPU 上实测每次调用的耗时。
#
# | TF1（图 + 会话） | TF2 | 本页验证了什么 |
# |---|---|---|
# | 占位符（`placeholder`）+ `feed_dict` | 函数参数 | 结果逐位相同 |
# | `tf.compat.v1.Variable` + `global_variables_initializer()` | `tf.Variable`，创建时就有值 | 同上 |
# | `sess.run(counter.assign_add(1))`：只有取回时才执行 | `tf.function` 里的 `assign_add`：不返回也会按顺序执行 | 三种写法计数相同；不取回赋值操作时 TF1 的计数不变 |
# | 占位符上调用 Keras 层，再 `sess.run` | 直接 `layer(x)`，或放进 `tf.function` | 结果逐位相同 |
# | 每次 `sess.run` 的固定开销 | `tf.function` / 即时执行 | 见文末实测：不带馈送的 `make_callable` 明显最快；带馈送的 `make_callable` 并不比 `sess.run` 快 |
# | 三个操作的小计算 | `tf.function` | 本机实测不比即时执行快 |
# | 150 个操作 | `tf.function` | 本机实测比即时执行快十倍以上，但不比 `sess.run` 快 |
# %% [markdown] lang="en"
# # From Session.run to TF2
#
# TF1 code builds a graph, then fetches results with `sess.run` inside a `Session`. TF2 executes
# eagerly by default and uses `tf.function` where a graph is wanted. This page writes the same
# computations three ways: `sess.run` (graph mode), `tf.function` and plain eager execution, and
# asserts that the three agree. At the end it measures the per-call latency of each on this
# machine's CPU.
#
# | TF1 (graph + session) | TF2 | What this page checks |
# |---|---|---|
# | `placeholder` + `feed_dict` | a function argument | bit-identical results |
# | `tf.compat.v1.Variable` + `global_variables_initializer()` | `tf.Variable`, initialized when created | same |
# | `sess.run(counter.assign_add(1))`: runs only when fetched | `assign_add` inside `tf.function`: runs in order even if not returned | the three count alike; TF1 does not count when the assign op is not fetched |
# | a Keras layer called on a placeholder, then `sess.run` | `layer(x)` directly, or inside `tf.function` | bit-identical results |
# | the fixed cost of every `sess.run` | `tf.function` / eager | measured at the end: `make_callable` without feeds is clearly the fastest; `make_callable` with feeds is no faster than `sess.run` |
# | a small computation of three ops | `tf.function` | measured here: not faster than eager |
# | 150 ops | `tf.function` | measured here: more than ten times faster than eager, but not faster than `sess.run` |

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
print(out_session)

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
# 迁移时常有人问：`sess.run` 是不是很慢？`tf.function` 会不会更快？下面在本机 CPU 上实测。
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
# measurement on this machine's CPU. The computation is still `relu(x @ W + b)` on a single row,
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
print("all six agree:", expected)
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
# 测量方法：每种方式先热身 200 次；然后轮流测，每轮每种连续调用 200 次，共 10 轮，
# 这样每种方式都有 2000 次调用，而且机器忙闲的变化均匀地落在各种方式上。
# 每次调用单独计时，报告中位数和四分位距（IQR，第 25 到第 75 百分位），单位微秒（µs）。
# 原始数据可以下载：<a href="download:latency.csv" download>latency.csv</a>。
#
# 这一格和下一格的输出每次运行都不一样，其余各格的输出是固定的。
# %% [markdown] lang="en"
# The `tf.function` has been traced twice: once for the `(2, 4)` input earlier and once for the
# `(1, 4)` `row` just now. A new input shape means a new trace; the measurement uses only `row`,
# so nothing is traced while timing (an assertion checks it at the end).
#
# The six results agree bit for bit. Against the first row of the two-row result earlier, the last
# digit may differ (the difference is printed above): with a single row, the CPU matmul may take
# another code path and round differently.
#
# The method: 200 warm-up calls per variant; then 10 rounds in which each variant makes 200
# calls in a row, for 2000 calls per variant, with the machine's ups and downs spread evenly over
# the variants. Each call is timed on its own; the table gives the median and the interquartile
# range (IQR, 25th to 75th percentile) in microseconds (µs). The raw data can be downloaded:
# <a href="download:latency.csv" download>latency.csv</a>.
#
# The output of this cell and the next one changes from run to run; every other output on the page
# is fixed.

# %%
# timing cell: output varies per run
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

WARMUP, ROUNDS, PER_ROUND = 200, 10, 200
for call in candidates.values():
    for _ in range(WARMUP):
        call()

samples = {name: [] for name in candidates}
started = time.perf_counter()
for _ in range(ROUNDS):
    for name, call in candidates.items():
        times = samples[name]
        for _ in range(PER_ROUND):
            t0 = time.perf_counter_ns()
            call()
            times.append(time.perf_counter_ns() - t0)
elapsed = time.perf_counter() - started

stats = {}
for name, times in samples.items():
    q1, median, q3 = np.percentile(np.array(times) / 1000, [25, 50, 75])
    stats[name] = (median, q1, q3)

print(f"\n{ROUNDS * PER_ROUND} calls per variant, {elapsed:.1f} s in total\n")
print(f"{'variant':<24}{'median µs':>11}{'IQR µs':>18}{'vs sess.run+feed':>18}")
base = stats["sess.run + feed_dict"][0]
for name, (median, q1, q3) in stats.items():
    print(f"{name:<24}{median:>11.1f}{f'{q1:.1f} – {q3:.1f}':>18}{median / base:>17.2f}x")

os.makedirs("downloads", exist_ok=True)
with open("downloads/latency.csv", "w") as f:
    f.write("variant,call,nanoseconds\n")
    for name, times in samples.items():
        f.writelines(f"{name},{i},{t}\n" for i, t in enumerate(times))

assert dense_fn.experimental_get_tracing_count() == traces_before  # no retracing while timing

# the claims made in the text below, with wide margins (observed gaps are 3x and more)
med = {name: m for name, (m, _, _) in stats.items()}
others = [m for name, m in med.items() if name != "make_callable, no feed"]
assert med["make_callable, no feed"] < 0.5 * min(others)
assert 0.67 < med["make_callable + feed"] / med["sess.run + feed_dict"] < 1.5
assert med["tf.function"] > 0.9 * med["eager"]

# %%
# timing cell: output varies per run
import matplotlib.pyplot as plt

names = list(stats)
medians = np.array([stats[n][0] for n in names])
lower = medians - np.array([stats[n][1] for n in names])
upper = np.array([stats[n][2] for n in names]) - medians

fig, ax = plt.subplots(figsize=(8, 3.8), facecolor="white")
ax.set_facecolor("white")
ax.barh(names, medians, xerr=[lower, upper], color="#4c72b0", capsize=4)
ax.invert_yaxis()
ax.set_xlabel("µs per call (median, error bar = IQR)")
ax.set_title(f"Per-call latency, {platform.machine()}, {os.cpu_count()} CPUs, TF {tf.__version__}")
ax.grid(axis="x", alpha=0.3)
fig.tight_layout()
plt.show()
plt.close(fig)

# %% [markdown] lang="zh"
# ### 这些数字说明了什么
#
# 单次测量的数字每次运行都会变，所以下面只写差距足够大、在我们写这页时的每一次运行
# （十次以上，2 核 x86_64，机器有时还在跑别的任务）里都成立的结论。前两条和最后一条在上一格里用断言
# 检查过，并留了很宽的余量；断言不成立，网站就构建不出来。
#
# - **不带馈送的 `make_callable` 最快，而且快得多**：它的中位数不到其他任何一种的一半
#   （我们的运行里约为 `sess.run` 的 0.1 到 0.25 倍）。它和 `sess.run, no feed` 运行的是同一张图、
#   同一个取回，差别只在于：快速路径直接调用 C 接口，跳过了 `sess.run` 每次都要做的 Python 工作
#   （解析取回结构、处理馈送、检查图有没有变）。
# - **带馈送的 `make_callable` 并不比 `sess.run` 快**：两者的中位数相差不到 1.5 倍，
#   我们的运行里几乎相同。这和源码一致：带 `feed_list` 时它只是拼出 `feed_dict` 再调用 `sess.run`
#   （见 [Session 的其他用法](session-more.md)）。
# - 去掉馈送本身也有效果：我们的每次运行里，`sess.run, no feed` 都明显比 `sess.run + feed_dict` 快
#   （约 0.6 到 0.7 倍）。
# - **对只有三个操作的计算，`tf.function` 没有比即时执行快**：我们的每次运行里它都是六种里最慢的，
#   是 `sess.run + feed_dict` 的 1.5 到 2 倍。每次调用 `tf.function` 都有固定开销：把 numpy 参数转换成张量、
#   按签名找到追踪好的图、再启动这张图；三个操作省下的时间抵不过这些开销。
#
# 单行输入下这个计算本身只需要几微秒，表里的数字几乎全是调用开销。所以不能由此推断大模型的训练速度。
# %% [markdown] lang="en"
# ### What the numbers say
#
# Single measurements change from run to run, so the text below only states what held, with a
# large gap, in every run we made while writing this page (more than ten, on 2-core x86_64, the
# machine sometimes busy with other work). The first two points and the last one are checked by assertions
# in the cell above, with wide margins; if one fails, the site does not build.
#
# - **`make_callable` without feeds is the fastest, by far**: its median is less than half of any
#   other variant's (about 0.1 to 0.25 of `sess.run` in our runs). It runs the same graph and the
#   same fetch as `sess.run, no feed`; the only difference is that the fast path calls the C API
#   directly and skips the Python work `sess.run` does on every call (parsing the fetch structure,
#   handling feeds, checking whether the graph changed).
# - **`make_callable` with feeds is no faster than `sess.run`**: the two medians are within 1.5x of
#   each other, and nearly equal in our runs. That matches the source: with `feed_list` it only
#   builds a `feed_dict` and calls `sess.run` (see [More of Session](session-more.md)).
# - Dropping the feed helps by itself: in every run we made, `sess.run, no feed` was clearly faster
#   than `sess.run + feed_dict` (about 0.6 to 0.7 of it).
# - **For a computation of three ops, `tf.function` is not faster than eager**: in every run we
#   made it was the slowest of the six, 1.5 to 2 times `sess.run + feed_dict`. Every `tf.function`
#   call has a fixed cost: convert the numpy argument to a tensor, find the traced graph that
#   matches the signature, launch that graph. Three ops do not save enough to pay for it.
#
# With one input row the arithmetic itself takes a few microseconds, so the table measures call
# overhead almost entirely. It says nothing about how fast a large model trains.

# %% [markdown] lang="zh"
# ### 操作多了以后
#
# 把同样的 `relu(x @ W + b)` 连续做 50 次（150 个操作，`W` 换成 4×4），再比较 `sess.run`、
# `tf.function` 和即时执行。即时执行每个操作都要从 Python 发起一次，开销随操作数增长；
# `tf.function` 和 `sess.run` 每次调用只发起一次整张图。每种方式热身 20 次，轮流测 5 轮，每轮 40 次。
# %% [markdown] lang="en"
# ### With many more ops
#
# Repeat the same `relu(x @ W + b)` 50 times in a chain (150 ops, with a 4×4 `W`) and compare
# `sess.run`, `tf.function` and eager again. Eager launches every op from Python, so its cost grows
# with the number of ops; `tf.function` and `sess.run` launch the whole graph once per call. 20
# warm-up calls per variant, then 5 rounds of 40 calls each.

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
for _ in range(5):
    for name, call in deep_candidates.items():
        for _ in range(40):
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

assert deep_med["eager"] > 5 * deep_med["tf.function"]  # observed: about 20x
assert deep_fn.experimental_get_tracing_count() == 1
deep_sess.close()

# %% [markdown] lang="zh"
# 这一次差距反过来了，而且很大：在我们的每次运行里，即时执行都比 `tf.function` 慢十倍以上
# （断言只要求五倍）。`sess.run` 和 `tf.function` 在同一个数量级；在我们的每次运行里 `sess.run` 都更快一些
# （约为 `tf.function` 的 0.6 到 0.75 倍），但差距不大，没有用断言检查。
# 也就是说，在这台机器上的 TF 2.21 里，`tf.function` 的好处是比即时执行快，而不是比 `sess.run` 快。
#
# ### 迁移时怎么选
#
# - TF1 代码里，在热循环中反复运行一张小图，最快的是不带馈送的 `make_callable`
#   （输入放在变量里或来自图内的数据管道）；带 `feed_list` 的 `make_callable` 省不了时间。
# - TF2 里把**整个**一步（前向、损失、更新）放进一个 `tf.function`，它的固定开销才摊得开；
#   只有几个操作的小计算直接即时执行就好。
# - 自己的模型要自己测：本页的数字来自一台 2 核的 CPU 机器，换一台机器，绝对值会变。
# %% [markdown] lang="en"
# This time the gap runs the other way, and it is large: in every run we made, eager was more than
# ten times slower than `tf.function` (the assertion asks for five). `sess.run` and `tf.function`
# are in the same range; in every run we made `sess.run` was somewhat faster (about 0.6 to 0.75 of
# `tf.function`), a gap too small to assert. So on this machine, with TF 2.21, what `tf.function`
# buys you is speed over eager, not speed over `sess.run`.
#
# ### Choosing when you migrate
#
# - In TF1 code that runs a small graph in a hot loop, the fastest option is `make_callable`
#   without feeds (inputs in variables or from an in-graph input pipeline); `make_callable` with a
#   `feed_list` saves nothing.
# - In TF2, put the **whole** step (forward pass, loss, update) in one `tf.function`, so its fixed
#   cost is spread over many ops; a small computation of a few ops is fine in plain eager.
# - Measure your own model: the numbers here come from a 2-core CPU machine, and the absolute
#   values change from machine to machine.

# %%
timing_sess.close()
