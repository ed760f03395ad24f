# %% [markdown] lang="zh"
# # 运行选项与运行元数据：`options` 和 `run_metadata`
#
# `Session.run` 的后两个参数很少有人用：`options` 接收一个 `RunOptions` 协议缓冲区（protocol
# buffer），控制“这一步”怎么跑；`run_metadata` 接收一个 `RunMetadata`，用来带回张量（tensor）以外的信息。
# 官方文档只举了一个例子：在 `options` 里打开追踪（tracing），性能数据就会写进 `run_metadata`。
# 本页在 TF 2.21 的图模式（graph mode）下，用会话（`Session`）逐个字段运行，
# 看清楚什么会被填上、什么一直是空的。
#
# | 想要什么 | 怎么开 | `run_metadata` 里得到什么 |
# |---|---|---|
# | [什么都不开](#不传-optionsrun_metadata-还是空的) | 只传 `run_metadata` | 空的（除非会话配置了 `session_metadata`） |
# | [每个操作（operation）的耗时](#full_trace只填了-step_stats) | `RunOptions(trace_level=FULL_TRACE)` | **只有** `step_stats` |
# | [真正执行的图](#output_partition_graphs不追踪也能拿到分区图) | `RunOptions(output_partition_graphs=True)` | `partition_graphs`，不需要打开追踪 |
# | [代价模型](#cost_graph-要在会话配置里打开) | 会话配置 `GraphOptions(build_cost_model=N)` | 每 N 步一次 `cost_graph`，**连带** `step_stats` |
# | [`function_graphs`](#function_graphs在-session-里一直是空的) | 没有开关 | 在 `Session.run` 里始终为空；只有即时执行（eager execution）会填 |
# | [会话标识](#session_metadata-来自会话配置) | 会话配置 `experimental.session_metadata` | 每一步都带上 `session_metadata` |
# | [超时](#timeout_in_ms给这一步设期限) | `RunOptions(timeout_in_ms=...)` | 超时抛 `DeadlineExceededError` |
# | [在调用者的线程里运行这一步](#inter-op-thread-pool) | `RunOptions(inter_op_thread_pool=-1)` | 没有变化；`0` 和 `-1` 以外的数报 `InvalidArgumentError` |
# | [在浏览器里看时间线](#chrome-trace) | `Timeline(step_stats).generate_chrome_trace_format()`（内部模块；公开的是 `tf.profiler.experimental`） | 一个 Chrome 追踪 JSON 文件 |
# | [（传错类型）](#wrong-types) | `options={}`、`run_metadata={}` | 静默忽略，字典还是空的；非空字典报 `AttributeError` |
#
# 还有几处和直觉不一样：
#
# - 追踪里看不到 `MatMul`：Grappler 把每个 Dense 层的矩阵乘、加偏置和激活融合（fuse）成一个
#   `_FusedMatMul`（打开 oneDNN 时叫 `_MklNativeFusedMatMul`）。
# - 同一个 `RunMetadata` 对象再用一次，旧内容会被整个覆盖，不会累加。
# - `report_tensor_allocations_upon_oom=True` 不开追踪也会填上 `step_stats`。
# - `step_stats` 里的 `thread_id` 在 CPU 上全是 0；`Timeline` 会把自己排的行号写回你传进去的
#   `step_stats`。
# %% [markdown] lang="en"
# # options and run_metadata
#
# The last two parameters of `Session.run` are rarely used. `options` takes a `RunOptions`
# protocol buffer that controls how this one step runs; `run_metadata` takes a `RunMetadata` that
# carries back everything that is not a tensor. The official docs give one example: turn tracing
# on in `options` and the profiling data lands in `run_metadata`. This page runs every field in
# TF 2.21 graph mode to show what gets filled and what stays empty.
#
# | You want | Switch it on with | What `run_metadata` gets |
# |---|---|---|
# | [nothing](#no-options-run_metadata-stays-empty) | pass only `run_metadata` | nothing (unless the session config sets `session_metadata`) |
# | [per-op timings](#full_trace-fills-step_stats-only) | `RunOptions(trace_level=FULL_TRACE)` | `step_stats` **only** |
# | [the graphs that really ran](#output_partition_graphs-partition-graphs-without-tracing) | `RunOptions(output_partition_graphs=True)` | `partition_graphs`, no tracing needed |
# | [a cost model](#cost_graph-is-switched-on-in-the-session-config) | session config `GraphOptions(build_cost_model=N)` | `cost_graph` every N steps, **plus** `step_stats` |
# | [`function_graphs`](#function_graphs-stays-empty-in-a-session) | no switch | always empty in `Session.run`; only eager execution fills it |
# | [a session label](#session_metadata-comes-from-the-session-config) | session config `experimental.session_metadata` | `session_metadata` on every step |
# | [a deadline](#timeout_in_ms-a-deadline-for-this-step) | `RunOptions(timeout_in_ms=...)` | `DeadlineExceededError` when it expires |
# | [to run the step in the caller's thread](#inter-op-thread-pool) | `RunOptions(inter_op_thread_pool=-1)` | nothing new; numbers other than `0` and `-1` raise `InvalidArgumentError` |
# | [a timeline in the browser](#chrome-trace) | `Timeline(step_stats).generate_chrome_trace_format()` (an internal module; the public route is `tf.profiler.experimental`) | a Chrome trace JSON file |
# | [(the wrong type)](#wrong-types) | `options={}`, `run_metadata={}` | silently ignored, the dict stays empty; a non-empty dict raises `AttributeError` |
#
# A few things work against intuition:
#
# - The trace has no `MatMul`: Grappler fuses each Dense layer's matmul, bias add and activation
#   into one `_FusedMatMul` (`_MklNativeFusedMatMul` with oneDNN on).
# - Reusing a `RunMetadata` object overwrites its old content completely; nothing accumulates.
# - `report_tensor_allocations_upon_oom=True` fills `step_stats` without any tracing.
# - `thread_id` in `step_stats` is 0 for every node on CPU; `Timeline` writes its own row numbers
#   back into the `step_stats` you pass in.

# %% [markdown] lang="zh"
# ## 准备
#
# 关掉 C++ 日志，切到图模式，固定随机种子。`set_verbosity(ERROR)` 让后面的性能分析器
# （profiler）不打印带本机路径的弃用警告。
#
# 本页有些输出取决于机器，这一格先把两件事打印出来：
#
# - oneDNN 是否打开。oneDNN 是 Intel 的深度学习库，TensorFlow 用它替换一部分 CPU 操作。
#   较新的 Intel、AMD CPU（有 AVX-512 VNNI、AVX-512 BF16 或 AMX 等指令）上默认打开，
#   部分 ARM64 CPU 上也是。环境变量 `TF_ENABLE_ONEDNN_OPTS=0` 关掉它，`=1` 打开它。
#   打开后，追踪里的操作名不一样（见下文）。`_pywrap_util_port.IsMklEnabled()`
#   是 TensorFlow 内部的检查函数，回答当前进程里 oneDNN 是否打开。
# - 能看到几块 GPU。
#
# 本站构建网页时关掉了 oneDNN，也不让 TensorFlow 看到 GPU（`CUDA_VISIBLE_DEVICES=""`），
# 所以页面上是“oneDNN 关、只有 CPU”的结果。你下载笔记本在自己的机器上运行，
# 这两行可能不同；下面的断言两种情况都接受，不同的地方都会说明。
# %% [markdown] lang="en"
# ## Setup
#
# Silence the C++ logs, switch to graph mode, fix the seeds. `set_verbosity(ERROR)` keeps the
# profiler used near the end from printing a deprecation warning that contains a local path.
#
# Some outputs on this page depend on the machine, so this cell prints two things first:
#
# - Whether oneDNN is on. oneDNN is Intel's deep learning library; TensorFlow uses it to replace
#   some CPU ops. It is on by default on recent Intel and AMD CPUs (those with AVX-512 VNNI,
#   AVX-512 BF16, AMX and similar instructions), and on some ARM64 CPUs.
#   `TF_ENABLE_ONEDNN_OPTS=0` turns it off, `=1` on. With it on, the trace shows other op names
#   (see below). `_pywrap_util_port.IsMklEnabled()` is TensorFlow's internal check of whether
#   oneDNN is on in this process.
# - How many GPUs TensorFlow can see.
#
# The site is built with oneDNN off and no GPU visible (`CUDA_VISIBLE_DEVICES=""`), so this page
# shows "oneDNN off, CPU only" results. Run the downloaded notebook on your own machine and these
# two lines may differ; the asserts below accept both cases, and the text says where the output
# changes.

# %%
import os

os.environ["TF_CPP_MIN_LOG_LEVEL"] = "3"

import numpy as np
import tensorflow as tf

tf.compat.v1.disable_eager_execution()
tf.keras.utils.set_random_seed(0)
np.random.seed(0)
tf.compat.v1.set_random_seed(0)
tf.compat.v1.logging.set_verbosity(tf.compat.v1.logging.ERROR)

from tensorflow.python.util import _pywrap_util_port

ONEDNN = _pywrap_util_port.IsMklEnabled()

print("TensorFlow", tf.__version__)
print("executing eagerly:", tf.executing_eagerly())
print("oneDNN on:", ONEDNN)
print("GPUs visible:", len(tf.config.list_physical_devices("GPU")))

# %% [markdown] lang="zh"
# ## 一张要被追踪的小图
#
# 两个 Keras `Dense` 层接在一个占位符（`placeholder`）后面。形状（shape）写死成 `[4, 3]`，
# 后面数浮点运算次数时要用到。默认图（default graph）里一共有几十个操作，
# 大部分属于变量（variable）的初始化器（initializer）。
#
# 这张图用 `tf.device("/CPU:0")` 固定在 CPU 上。构建网页时看不到 GPU，固定不固定结果都一样；
# 但在有 GPU 的机器上，不固定的话 Dense 层会放到 GPU 上，追踪里多出 GPU 设备（device），
# 分区图也多出 GPU 的一张。固定之后，有 GPU 的读者看到的节点和本页一样。
# %% [markdown] lang="en"
# ## A small graph to trace
#
# Two Keras `Dense` layers after a `placeholder`. The shape is fixed to `[4, 3]`; the FLOP count
# near the end needs it. The default graph holds a few dozen ops, most of them variable
# initializers.
#
# The graph is pinned to the CPU with `tf.device("/CPU:0")`. The site is built with no GPU
# visible, where the pin changes nothing; on a machine with a GPU, the Dense layers would
# otherwise go to the GPU, adding a GPU device to the trace and a GPU partition graph. With the pin,
# a reader with a GPU sees the same nodes as this page.

# %%
with tf.device("/CPU:0"):
    inputs = tf.compat.v1.placeholder(tf.float32, [4, 3], name="inputs")
    hidden = tf.keras.layers.Dense(8, activation="relu", name="hidden")
    logits = tf.keras.layers.Dense(2, name="logits")
    outputs = logits(hidden(inputs))
init = tf.compat.v1.global_variables_initializer()

graph = tf.compat.v1.get_default_graph()
graph_op_types = {op.type for op in graph.get_operations()}
print("ops in the graph:", len(graph.get_operations()))
print("fetch:", outputs.name)
print("graph has MatMul / BiasAdd / Relu:", {"MatMul", "BiasAdd", "Relu"} <= graph_op_types)

data = np.random.RandomState(0).rand(4, 3).astype(np.float32)
feed = {inputs: data}
sess = tf.compat.v1.Session()
sess.run(init)
print(sess.run(outputs, feed).shape)

# %% [markdown] lang="zh"
# 下面反复用到一个小函数：列出 `RunMetadata` 的五个字段各有多少内容。
# `ListFields()` 只返回被设置过的字段，正好回答“什么被填上了”。
# %% [markdown] lang="en"
# A small helper used throughout: how much each of the five `RunMetadata` fields holds.
# `ListFields()` returns only the fields that were set, which is exactly "what got filled".


# %%
CPU = "/job:localhost/replica:0/task:0/device:CPU:0"


def describe(md):
    nodes = sum(len(dev.node_stats) for dev in md.step_stats.dev_stats)
    print("fields set      :", [field.name for field, _ in md.ListFields()])
    print("step_stats      :", len(md.step_stats.dev_stats), "device(s),", nodes, "node(s)")
    print("partition_graphs:", len(md.partition_graphs))
    print("cost_graph      :", len(md.cost_graph.node), "node(s)")
    print("function_graphs :", len(md.function_graphs))
    print("session_metadata:", md.HasField("session_metadata"))


print([field.name for field in tf.compat.v1.RunMetadata.DESCRIPTOR.fields])

# %% [markdown] lang="zh"
# ## 不传 options：run_metadata 还是空的
#
# 只传 `run_metadata`，不传 `options`，运行之后它一个字节都没有。
# `run_metadata` 只是一个“收件箱”，要写什么由 `options`（和会话配置）决定。
# %% [markdown] lang="en"
# ## No options: run_metadata stays empty
#
# Pass `run_metadata` without `options` and it comes back with zero bytes.
# `run_metadata` is only an inbox; `options` (and the session config) decide what goes in.

# %%
plain = tf.compat.v1.RunMetadata()
sess.run(outputs, feed, run_metadata=plain)
describe(plain)
assert plain.ByteSize() == 0

# %% [markdown] lang="zh"
# ## FULL_TRACE：只填了 step_stats
#
# 这是文档里的例子：`trace_level=FULL_TRACE`。结果只有 `step_stats`（每一步的统计）被填上，
# 分区图、代价图都还是空的。`step_stats.dev_stats` 按设备分组，这里只有一块 CPU。
# 在有 GPU 的机器上，打开追踪后这里还可能多出 GPU 的条目（GPU 本身和它的流（stream）），
# 所以下文只看名字是 `CPU` 这一组（`CPU` 在上面的辅助函数那一格里定义）。
# %% [markdown] lang="en"
# ## FULL_TRACE fills step_stats only
#
# This is the docs' example: `trace_level=FULL_TRACE`. Only `step_stats` gets filled; the
# partition graphs and the cost graph stay empty. `step_stats.dev_stats` is grouped by device;
# here there is one CPU. On a machine with a GPU, tracing may add GPU entries (the GPU and its
# streams), so the rest of the page looks only at the group named `CPU` (defined in the helper
# cell above).

# %%
trace = tf.compat.v1.RunOptions(trace_level=tf.compat.v1.RunOptions.FULL_TRACE)
traced = tf.compat.v1.RunMetadata()
sess.run(outputs, feed, options=trace, run_metadata=traced)
describe(traced)
for dev in traced.step_stats.dev_stats:
    print(dev.device)
assert [f.name for f, _ in traced.ListFields()] == ["step_stats"]
assert CPU in {dev.device for dev in traced.step_stats.dev_stats}

# %% [markdown] lang="zh"
# 每个节点（node）一条 `NodeExecStats`。其中 `timeline_label` 写着“节点名 = 操作类型(输入…)”，
# 不含时间，可以放心打印。下面按名字排序列出这一步在 CPU 上真正执行的节点。
# %% [markdown] lang="en"
# Each node gets one `NodeExecStats`. Its `timeline_label` reads "node = OpType(inputs...)" and holds
# no timing, so it is safe to print. Here are the nodes that really ran on the CPU, sorted by name.


# %%
def traced_nodes(md):
    return sorted(
        (stat.node_name, stat.timeline_label.split(" = ")[1].split("(")[0])
        for dev in md.step_stats.dev_stats
        if dev.device == CPU
        for stat in dev.node_stats
    )


for name, op_type in traced_nodes(traced):
    print(f"{op_type:21s} {name}")

# %% [markdown] lang="zh"
# ### 追踪里没有 MatMul
#
# 图里明明有 `MatMul`、`BiasAdd`、`Relu`，追踪里却一个都没有，只有两个 `_FusedMatMul`。
# 执行前，图优化器 Grappler 的重映射（`remapping`）把每个 Dense 层的“矩阵乘 + 加偏置 + 激活”
# 融合成了一个操作。`logits` 层没有激活，只融合前两个。
# 节点名沿用链条最后一个操作（`hidden_1/Relu`、`logits_1/BiasAdd`）。
# 追踪记录的是**真正执行的图**，不是你用 Python 搭的那张。
#
# 打开 oneDNN 时，oneDNN 还会把融合后的操作换成自己的实现，追踪里看到的是
# `_MklNativeFusedMatMul`，不是 `_FusedMatMul`。本页是 oneDNN 关闭时的结果；
# 下面的断言按本机 oneDNN 的状态，要求其中一个名字。
# %% [markdown] lang="en"
# ### The trace has no MatMul
#
# The graph has `MatMul`, `BiasAdd` and `Relu`, yet the trace has none of them, only two
# `_FusedMatMul`. Before execution, Grappler's `remapping` optimizer fuses each Dense layer's
# "matmul + bias add + activation" into one op (`logits` has no activation, so only the first
# two), named after the last op of the chain (`hidden_1/Relu`, `logits_1/BiasAdd`). The trace
# records **the graph that really ran**, not the one you built in Python.
#
# With oneDNN on, oneDNN then swaps the fused op for its own implementation, and the trace shows
# `_MklNativeFusedMatMul` instead of `_FusedMatMul`. This page shows oneDNN off; the asserts
# below require one name or the other, depending on whether oneDNN is on.

# %%
FUSED_MATMUL = "_MklNativeFusedMatMul" if ONEDNN else "_FusedMatMul"
traced_types = {op_type for _, op_type in traced_nodes(traced)}
print("MatMul traced:", "MatMul" in traced_types)
print(f"{FUSED_MATMUL} traced:", FUSED_MATMUL in traced_types)
assert "MatMul" in graph_op_types and not {"MatMul", "_MklMatMul"} & traced_types
assert FUSED_MATMUL in traced_types and FUSED_MATMUL not in graph_op_types

# %% [markdown] lang="zh"
# 在会话配置里关掉重映射，同一张图的追踪里就出现了 `MatMul`、`BiasAdd`、`Relu`
# （打开 oneDNN 时矩阵乘叫 `_MklMatMul`）。只有排查问题时才这样做：融合后的操作更快。
# %% [markdown] lang="en"
# Turn remapping off in the session config and the trace of the same graph shows `MatMul`,
# `BiasAdd` and `Relu` again (with oneDNN on, the matmul is `_MklMatMul`). Do this only while
# debugging: the fused op is faster.

# %%
from tensorflow.core.protobuf import rewriter_config_pb2

no_fusion = tf.compat.v1.ConfigProto()
no_fusion.graph_options.rewrite_options.remapping = rewriter_config_pb2.RewriterConfig.OFF
with tf.compat.v1.Session(config=no_fusion) as debug_sess:
    debug_sess.run(init)
    unfused = tf.compat.v1.RunMetadata()
    debug_sess.run(outputs, feed, options=trace, run_metadata=unfused)
MATMUL = "_MklMatMul" if ONEDNN else "MatMul"
unfused_types = {op_type for _, op_type in traced_nodes(unfused)}
print(sorted(unfused_types))
assert {MATMUL, "BiasAdd", "Relu"} <= unfused_types and FUSED_MATMUL not in unfused_types

# %% [markdown] lang="zh"
# ### 一条 NodeExecStats 里有什么
#
# 大部分字段是时间：开始时刻、相对开始/结束时间（微秒和纳秒两套）、调度时刻。
# 这些每次运行都不一样，本页不打印它们的值。不随运行变化的是节点名、标签，
# 以及输出张量的描述：数据类型（dtype）、形状、申请的字节数。
# 还有一个看起来有用的 `thread_id`：在 CPU 上它对所有节点都是 0，并没有记录真实线程。
# %% [markdown] lang="en"
# ### What one NodeExecStats holds
#
# Most fields are times: start, start/end relative to it (in microseconds and in nanoseconds),
# scheduling time. They change on every run, so this page does not print their values. What stays
# the same is the node name, the label, and the description of each output tensor: dtype, shape,
# requested bytes. There is also a promising `thread_id`: on CPU it is 0 for every node; the real
# thread is not recorded.

# %%
from tensorflow.core.framework import step_stats_pb2

print([field.name for field in step_stats_pb2.NodeExecStats.DESCRIPTOR.fields])

traced_stats = [
    s for dev in traced.step_stats.dev_stats if dev.device == CPU for s in dev.node_stats
]
fused = next(stat for stat in traced_stats if stat.node_name == "hidden_1/Relu")
print(fused.timeline_label)
for out in fused.output:
    desc = out.tensor_description
    shape = [dim.size for dim in desc.shape.dim]
    dtype = tf.dtypes.as_dtype(desc.dtype).name
    nbytes = desc.allocation_description.requested_bytes
    print("output", out.slot, dtype, shape, nbytes, "bytes")
print("thread ids:", sorted({stat.thread_id for stat in traced_stats}))
assert fused.output[0].tensor_description.allocation_description.requested_bytes == 4 * 8 * 4
assert all(stat.thread_id == 0 for stat in traced_stats)

# %% [markdown] lang="zh"
# ## 四个追踪级别
#
# `trace_level` 有四个取值。`HARDWARE_TRACE` 面向 GPU 等加速器。构建网页时看不到 GPU，
# 三个非零级别填的字段和 CPU 上的节点数完全一样。在有 GPU 的机器上，
# `HARDWARE_TRACE` 和 `FULL_TRACE` 还会追踪 GPU，`step_stats` 里可能多出 GPU 的条目；
# 下面只数 CPU 上的节点，这些数不变。
# %% [markdown] lang="en"
# ## Four trace levels
#
# `trace_level` has four values. `HARDWARE_TRACE` is meant for accelerators such as GPUs. The site
# is built with no GPU visible, and the three non-zero levels fill the same fields with the same
# CPU nodes. On a machine with a GPU, `HARDWARE_TRACE` and `FULL_TRACE` also trace the GPU and may
# add GPU entries to `step_stats`; the cell counts only the CPU's nodes, which stay the same.

# %%
for level in ["NO_TRACE", "SOFTWARE_TRACE", "HARDWARE_TRACE", "FULL_TRACE"]:
    md = tf.compat.v1.RunMetadata()
    options = tf.compat.v1.RunOptions(trace_level=getattr(tf.compat.v1.RunOptions, level))
    sess.run(outputs, feed, options=options, run_metadata=md)
    print(f"{level:15s}", [f.name for f, _ in md.ListFields()], len(traced_nodes(md)), "nodes")

# %% [markdown] lang="zh"
# ## output_partition_graphs：不追踪也能拿到分区图
#
# `output_partition_graphs=True` 单独就够了，不需要打开追踪。分区图（partition graph）是
# 会话按设备切好、优化过、真正交给执行器的图，每个设备一张；这张图固定在 CPU 上，所以只有一张。
# 它比 Python 里那张计算图（graph）小得多：经过剪枝（pruning），
# 只保留计算这次取回（`fetch`）所需的节点，
# 被馈送（`feed`）的占位符换成了 `_Arg`，取回的张量接到 `_Retval` 上。
# %% [markdown] lang="en"
# ## output_partition_graphs: partition graphs without tracing
#
# `output_partition_graphs=True` is enough on its own; no tracing needed. A partition graph is the
# graph the session cut per device, optimized and handed to the executor, one per device (here
# one: the graph is pinned to the CPU). It is much smaller than the Python graph: only the nodes
# this fetch needs are kept, the fed placeholder became an `_Arg`, and the fetched tensor is wired
# to a `_Retval`.

# %%
partitions = tf.compat.v1.RunMetadata()
sess.run(
    outputs,
    feed,
    options=tf.compat.v1.RunOptions(output_partition_graphs=True),
    run_metadata=partitions,
)
describe(partitions)
partition = partitions.partition_graphs[0]
print("nodes:", len(partition.node), "of", len(graph.get_operations()), "in the Python graph")
for node in partition.node:
    print(f"{node.op:21s} {node.name}")
assert not partitions.HasField("step_stats")
assert {n.op for n in partition.node} >= {"_Arg", "_Retval", FUSED_MATMUL}

# %% [markdown] lang="zh"
# 两个开关可以一起用：`step_stats` 和 `partition_graphs` 都会填上。追踪里的节点就是
# 分区图里的节点，再加上执行器的起点 `_SOURCE`。
# %% [markdown] lang="en"
# Both switches can be combined: `step_stats` and `partition_graphs` are both filled. The traced
# nodes are exactly the partition graph's nodes plus the executor's start node `_SOURCE`.

# %%
both = tf.compat.v1.RunMetadata()
sess.run(
    outputs,
    feed,
    options=tf.compat.v1.RunOptions(
        trace_level=tf.compat.v1.RunOptions.FULL_TRACE, output_partition_graphs=True
    ),
    run_metadata=both,
)
print([f.name for f, _ in both.ListFields()])
traced_names = {name for name, _ in traced_nodes(both)}
partition_names = {node.name for node in both.partition_graphs[0].node}
print("traced minus partition:", sorted(traced_names - partition_names))
assert traced_names == partition_names | {"_SOURCE"}

# %% [markdown] lang="zh"
# ## cost_graph 要在会话配置里打开
#
# `RunOptions` 里没有代价图（cost graph）的开关。它由会话配置
# `GraphOptions(build_cost_model=N)` 控制：同一组取回/馈送每执行 N 步，就有一步带回代价图。
# 意外的是，带回代价图的那一步**即使不开追踪**，`step_stats` 也会被填上，因为代价模型
# 就是从这些统计算出来的。下面用 N=2，连跑四步。
# %% [markdown] lang="en"
# ## cost_graph is switched on in the session config
#
# `RunOptions` has no switch for the cost graph. The session config does:
# `GraphOptions(build_cost_model=N)` returns a cost graph on every N-th step of the same
# fetch/feed combination. The surprise: on those steps `step_stats` is filled too, **without any
# tracing**, because the cost model is computed from those stats. Here N=2, four steps in a row.

# %%
cost_config = tf.compat.v1.ConfigProto(graph_options=tf.compat.v1.GraphOptions(build_cost_model=2))
with tf.compat.v1.Session(config=cost_config) as cost_sess:
    cost_sess.run(init)
    steps = []
    for step in range(4):
        md = tf.compat.v1.RunMetadata()
        cost_sess.run(outputs, feed, run_metadata=md)  # no options at all
        steps.append(md)
        print("step", step, [f.name for f, _ in md.ListFields()])
costed = steps[1]
print([node.name for node in costed.cost_graph.node])
assert [len(md.cost_graph.node) > 0 for md in steps] == [False, True, False, True]

# %% [markdown] lang="zh"
# 代价图的节点比分区图多了 `_SOURCE` 和 `_SINK`。每个节点带着输出大小、计算耗时等估计值，
# 耗时同样每次不同，这里只看结构。
# %% [markdown] lang="en"
# The cost graph has the partition graph's nodes plus `_SOURCE` and `_SINK`. Each node carries
# estimates such as output sizes and compute time; the times vary, so only the structure is shown.

# %%
from tensorflow.core.framework import cost_graph_pb2

print([field.name for field in cost_graph_pb2.CostGraphDef.Node.DESCRIPTOR.fields])
cost_names = {node.name for node in costed.cost_graph.node}
assert cost_names == partition_names | {"_SOURCE", "_SINK"}

# %% [markdown] lang="zh"
# ## function_graphs：在 Session 里一直是空的
#
# 图里放一个 `tf.function`，打开追踪和分区图，`function_graphs` 仍然是 0。
# 这张图很小：分区图里函数调用还是一个 `PartitionedCall` 节点，函数体作为单独的图执行。
# 追踪会跟进函数内部：`step_stats` 里有函数体的节点（参数 `t`、`Relu`、常量 `mul/y`、`mul`、
# 返回值节点，还有函数自己的第二个 `_SOURCE`）。但函数的图并没有进 `function_graphs`。
# %% [markdown] lang="en"
# ## function_graphs stays empty in a Session
#
# Put a `tf.function` in the graph, turn on tracing and partition graphs, and `function_graphs`
# is still 0. This graph is tiny: in the partition graph the call is still one `PartitionedCall`
# node, and the function body runs as a graph of its own. The trace follows it inside:
# `step_stats` holds the body's nodes (the argument `t`, `Relu`, the constant `mul/y`, `mul`, the
# return value node, and the function's own second `_SOURCE`). But the function's graph does not
# go into `function_graphs`.


# %%
@tf.function
def double_relu(t):
    return tf.nn.relu(t) * 2.0


with tf.Graph().as_default() as fn_graph, tf.device("/CPU:0"):
    x = tf.compat.v1.placeholder(tf.float32, [2, 2], name="x")
    y = double_relu(tf.matmul(x, x, name="square"))

trace_and_partitions = tf.compat.v1.RunOptions(
    trace_level=tf.compat.v1.RunOptions.FULL_TRACE, output_partition_graphs=True
)


def run_function_graph(config):
    with tf.compat.v1.Session(graph=fn_graph, config=config) as fn_sess:
        md = tf.compat.v1.RunMetadata()
        fn_sess.run(
            y, {x: np.eye(2, dtype=np.float32)}, options=trace_and_partitions, run_metadata=md
        )
    return md


fn_md = run_function_graph(tf.compat.v1.ConfigProto())
describe(fn_md)
print("partition graph:", [(n.op, n.name) for n in fn_md.partition_graphs[0].node])
print("traced:", [name for name, _ in traced_nodes(fn_md)])
assert len(fn_md.function_graphs) == 0
assert {"t", "Relu", "mul"} <= {name for name, _ in traced_nodes(fn_md)}

# %% [markdown] lang="zh"
# 为什么函数没被内联（inline）？Grappler 对节点数少于 `min_graph_nodes`（默认由系统决定）的图
# 直接跳过所有优化。把它设成 -1（从不跳过），函数就被内联进分区图，节点名带上
# `PartitionedCall/` 前缀，原来的 `PartitionedCall` 只剩一个转发结果的 `IdentityN`。
# `function_graphs` 依旧是 0。
# %% [markdown] lang="en"
# Why was the function not inlined? Grappler skips all optimizations for graphs with fewer nodes
# than `min_graph_nodes` (by default the system picks the number). Set it to -1 (never skip) and the
# function is inlined into the partition graph, its nodes prefixed with `PartitionedCall/`, and
# the old `PartitionedCall` is reduced to an `IdentityN` that forwards the result.
# `function_graphs` is still 0.

# %%
always_optimize = tf.compat.v1.ConfigProto()
always_optimize.graph_options.rewrite_options.min_graph_nodes = -1
inlined_md = run_function_graph(always_optimize)
print("fields set:", [f.name for f, _ in inlined_md.ListFields()])
print("partition graph:", [(n.op, n.name) for n in inlined_md.partition_graphs[0].node])
assert len(inlined_md.function_graphs) == 0
assert "PartitionedCall/Relu" in {n.name for n in inlined_md.partition_graphs[0].node}

# %% [markdown] lang="zh"
# 这个字段是给即时执行用的。下面在一个独立的 Python 进程里（本页已经关掉了即时执行）
# 用 TensorFlow 的内部接口 `context.enable_run_metadata()` 收集一次 `tf.function` 调用，
# `function_graphs` 就有内容了：每次函数调用一条，包括创建输入常量的小函数。
# 带 `MatMul` 的那一条里，优化前的图还有一个 `Identity`，优化后没了。
# %% [markdown] lang="en"
# The field is meant for eager execution. Below, in a separate Python process (this page has eager
# turned off), TensorFlow's internal `context.enable_run_metadata()` collects one `tf.function`
# call, and `function_graphs` is filled: one entry per function call, including the tiny ones
# that create the input constants. In the entry with the `MatMul`, the graph before optimization
# still has an `Identity` that is gone afterwards.

# %%
import subprocess
import sys

eager_code = """
import tensorflow as tf
from tensorflow.python.eager import context

@tf.function
def f(x):
    return tf.nn.relu(tf.matmul(x, x))

context.enable_run_metadata()
context.enable_graph_collection()
f(tf.ones((2, 2)))
md = context.export_run_metadata()
print("fields set:", [field.name for field, _ in md.ListFields()])
print("function_graphs:", len(md.function_graphs))
for fg in md.function_graphs:
    before = sorted(n.op for n in fg.pre_optimization_graph.node)
    after = sorted(n.op for n in fg.post_optimization_graph.node)
    if "MatMul" in before:
        print("before optimization:", before)
        print("after optimization: ", after)
"""
result = subprocess.run(
    [sys.executable, "-c", eager_code],
    env={**os.environ, "TF_CPP_MIN_LOG_LEVEL": "3"},
    capture_output=True,
    text=True,
    check=True,
)
print(result.stdout)
assert "function_graphs: 0" not in result.stdout

# %% [markdown] lang="zh"
# ## session_metadata 来自会话配置
#
# 第五个字段 `session_metadata` 也不归 `RunOptions` 管。在会话配置的
# `experimental.session_metadata` 里写上名字和版本，此后每一步的 `run_metadata` 都带着它，
# 哪怕没有传 `options`。
# %% [markdown] lang="en"
# ## session_metadata comes from the session config
#
# The fifth field, `session_metadata`, is not controlled by `RunOptions` either. Set a name and a
# version in the session config's `experimental.session_metadata` and every step's `run_metadata`
# carries it, even without `options`.

# %%
labelled = tf.compat.v1.ConfigProto()
labelled.experimental.session_metadata.name = "demo-model"
labelled.experimental.session_metadata.version = 3
with tf.compat.v1.Session(config=labelled) as label_sess:
    label_sess.run(init)
    md = tf.compat.v1.RunMetadata()
    label_sess.run(outputs, feed, run_metadata=md)
describe(md)
print(md.session_metadata.name, md.session_metadata.version)

# %% [markdown] lang="zh"
# ## 同一个 RunMetadata 再用一次：整个被覆盖
#
# `Session.run` 收到结果后调用 `run_metadata.ParseFromString(...)`，这会先清空对象。
# 所以拿同一个对象跑第二步，第一步的 `step_stats` 就没了，不会累加。
# 要保留每一步的结果，每步新建一个 `RunMetadata`。
# %% [markdown] lang="en"
# ## Reusing a RunMetadata overwrites it
#
# After the step, `Session.run` calls `run_metadata.ParseFromString(...)`, which clears the object
# first. Run a second step with the same object and the first step's `step_stats` is gone; nothing
# accumulates. To keep every step, create a new `RunMetadata` per step.

# %%
reused = tf.compat.v1.RunMetadata()
sess.run(outputs, feed, options=trace, run_metadata=reused)
print("after step 1:", [f.name for f, _ in reused.ListFields()])
sess.run(
    outputs,
    feed,
    options=tf.compat.v1.RunOptions(output_partition_graphs=True),
    run_metadata=reused,
)
print("after step 2:", [f.name for f, _ in reused.ListFields()])
assert not reused.HasField("step_stats")

# %% [markdown] lang="zh"
# ## 传成字典：`{}` 被静默忽略 {#wrong-types}
#
# `Session.run` 不检查这两个参数的类型，只用 `if options`、`if run_metadata` 判断传没传。
# 空字典是假值，所以 `options={}` 和 `run_metadata={}` 都等于没传：不报错，也什么都不做。
# 下面打开了追踪，收件箱却是一个空字典：这一步照常运行，字典还是空的，追踪结果没有地方放。
# 非空的字典才报 `AttributeError`：`options` 要调用 `SerializeToString()`，
# `run_metadata` 要调用 `ParseFromString()`，字典都没有。要用 `tf.compat.v1.RunOptions(...)`
# 和 `tf.compat.v1.RunMetadata()`。
# %% [markdown] lang="en"
# ## Passing dicts: `{}` is silently ignored {#wrong-types}
#
# `Session.run` does not check the type of these two arguments; it only asks `if options` and
# `if run_metadata`. An empty dict is falsy, so `options={}` and `run_metadata={}` count as not
# passed: no error, and nothing happens. Below, tracing is on but the inbox is an empty dict: the
# step runs, the dict stays empty, and the trace has nowhere to go. Only a non-empty dict raises an
# `AttributeError`: `options` needs `SerializeToString()`, `run_metadata` needs
# `ParseFromString()`, and a dict has neither. Use `tf.compat.v1.RunOptions(...)` and
# `tf.compat.v1.RunMetadata()`.

# %%
inbox = {}
print("options={}:", sess.run(outputs, feed, options={}).shape)
print("run_metadata={}:", sess.run(outputs, feed, options=trace, run_metadata=inbox).shape)
print("the dict after a traced step:", inbox)
assert inbox == {}

with expect(AttributeError, "'dict' object has no attribute 'SerializeToString'"):
    sess.run(outputs, feed, options={"trace_level": 3})
with expect(AttributeError, "'dict' object has no attribute 'ParseFromString'"):
    sess.run(outputs, feed, options=trace, run_metadata={"step_stats": None})

# %% [markdown] lang="zh"
# ## RunOptions 的其他字段
#
# `RunOptions` 一共七个字段。`debug_options` 和 `experimental` 本页不展开。
# %% [markdown] lang="en"
# ## Other RunOptions fields
#
# `RunOptions` has seven fields. `debug_options` and `experimental` are not covered here.

# %%
print([field.name for field in tf.compat.v1.RunOptions.DESCRIPTOR.fields])

# %% [markdown] lang="zh"
# ### timeout_in_ms：给这一步设期限
#
# 从空队列里出队（`dequeue`）会一直等下去。设了 `timeout_in_ms`，到时间就抛
# `DeadlineExceededError`。会话配置里的 `operation_timeout_in_ms` 是同一种期限，
# 对这个会话的每一步都生效，下面第一段演示它超时。两者都设时以 `RunOptions` 的为准：
# 第二段的会话级期限是 60 秒，这一步的期限是 0.1 秒，结果远没到 60 秒就超时了。
# 耗时每次不同，所以不打印，只断言它少于 30 秒。
# %% [markdown] lang="en"
# ### timeout_in_ms: a deadline for this step
#
# A `dequeue` from an empty queue waits forever. With `timeout_in_ms` set, the step raises
# `DeadlineExceededError` when the time is up. `operation_timeout_in_ms` in the session config is
# the same kind of deadline for every step of that session; the first block below times out on
# it. When both are set, `RunOptions` wins: in the second block the session deadline is 60 s and
# the step deadline 0.1 s, and the step times out long before 60 s. The elapsed time varies, so it
# is not printed; the cell only asserts that it is under 30 s.

# %%
import time

with tf.Graph().as_default() as queue_graph:
    queue = tf.queue.FIFOQueue(1, tf.float32)
    take = queue.dequeue()

session_deadline = tf.compat.v1.ConfigProto(operation_timeout_in_ms=100)
with tf.compat.v1.Session(graph=queue_graph, config=session_deadline) as queue_sess:
    with expect(tf.errors.DeadlineExceededError, "Timed out waiting for notification"):
        queue_sess.run(take)

long_deadline = tf.compat.v1.ConfigProto(operation_timeout_in_ms=60_000)
with tf.compat.v1.Session(graph=queue_graph, config=long_deadline) as queue_sess:
    started = time.monotonic()
    with expect(tf.errors.DeadlineExceededError, "Timed out waiting for notification"):
        queue_sess.run(take, options=tf.compat.v1.RunOptions(timeout_in_ms=100))
    assert time.monotonic() - started < 30

# %% [markdown] lang="zh"
# ### inter_op_thread_pool 和 report_tensor_allocations_upon_oom {#inter-op-thread-pool}
#
# `inter_op_thread_pool` 选用会话配置 `session_inter_op_thread_pool` 里的第几个线程池；
# 默认会话只有一个（下标 0）。`-1` 也合法：这一步不进线程池，直接在调用 `run` 的线程里执行，
# 省掉一次线程切换（`config.proto` 的注释说只适合很小的图）。其他数（下面是 `1` 和 `-2`）才报错。
# 下面在一张单独的小图里用 `tf.numpy_function` 记下图里的 Python 函数在哪个线程运行：
# 取 `0` 时不在调用者的线程，取 `-1` 时在。
#
# `report_tensor_allocations_upon_oom=True` 让内存不足（OOM）时的报错列出已分配的张量。
# 意外的是，它为此在**每一步**都收集统计：即使没有 OOM，也没开追踪，`step_stats` 也被填上了。
# %% [markdown] lang="en"
# ### inter_op_thread_pool and report_tensor_allocations_upon_oom {#inter-op-thread-pool}
#
# `inter_op_thread_pool` picks one of the pools listed in the session config's
# `session_inter_op_thread_pool`; a default session has a single pool (index 0). `-1` is valid
# too: the step skips the pools and runs in the thread that called `run`, saving a thread switch
# (the comment in `config.proto` recommends it only for very small graphs). Other numbers (`1` and
# `-2` below) are errors. In a separate small graph, `tf.numpy_function` records which thread runs
# a Python function inside the graph: with `0` it is not the caller's thread, with `-1` it is.
#
# `report_tensor_allocations_upon_oom=True` makes an out-of-memory (OOM) error
# list the allocated tensors. The surprise: to do that it collects stats on **every** step, so
# `step_stats` is filled with no OOM and no tracing.

# %%
import threading

caller = threading.get_ident()  # the thread that runs this cell and calls sess.run
with tf.Graph().as_default() as pool_graph:
    probe = tf.numpy_function(lambda: np.bool_(threading.get_ident() == caller), [], tf.bool)
with tf.compat.v1.Session(graph=pool_graph) as pool_sess:
    for pool in [0, -1]:
        pool_options = tf.compat.v1.RunOptions(inter_op_thread_pool=pool)
        in_caller = bool(pool_sess.run(probe, options=pool_options))
        print(f"inter_op_thread_pool={pool:>2}: ran in the caller's thread: {in_caller}")
        assert in_caller == (pool == -1)

with expect(tf.errors.InvalidArgumentError, "Invalid inter_op_thread_pool: 1"):
    sess.run(outputs, feed, options=tf.compat.v1.RunOptions(inter_op_thread_pool=1))
with expect(tf.errors.InvalidArgumentError, "Invalid inter_op_thread_pool: -2"):
    sess.run(outputs, feed, options=tf.compat.v1.RunOptions(inter_op_thread_pool=-2))

oom_md = tf.compat.v1.RunMetadata()
sess.run(
    outputs,
    feed,
    options=tf.compat.v1.RunOptions(report_tensor_allocations_upon_oom=True),
    run_metadata=oom_md,
)
describe(oom_md)
assert oom_md.HasField("step_stats")

# %% [markdown] lang="zh"
# ## 导出 Chrome 追踪文件 {#chrome-trace}
#
# `tensorflow.python.client.timeline.Timeline` 把 `step_stats` 转成 Chrome 追踪格式
# （Trace Event Format）的 JSON。注意 `tensorflow.python` 下的模块都是 TensorFlow 的**内部模块**，
# 不属于公开 API，哪个版本改掉或删掉都不会事先通知；本页用它，是因为它是把 `Session.run` 的
# `step_stats` 变成时间线的最短路径。公开的做法是 TensorFlow 的性能分析器：
# `tf.profiler.experimental.start(日志目录)` / `stop()`（或 `tf.profiler.experimental.Profile`），
# 再在 TensorBoard 的 Profile 插件里查看；它收集的是整个进程的追踪，不经过 `run_metadata`。
#
# 下面把时间线写进 `downloads/timeline.json`，
# 可以直接下载：<a href="download:timeline.json" download>timeline.json</a>。
# 在 Chrome 里打开 `chrome://tracing`，或者打开 Perfetto（ui.perfetto.dev），
# 把文件拖进去就能看到每个操作在时间轴上的位置。
#
# 文件里的时间每次都不同，这里只打印结构：有哪些“进程”（`ph: "M"` 元数据事件），
# 哪些操作事件（`ph: "X"`）。默认的 `show_dataflow=True` 还会在不同的“线程”行之间
# 画数据流箭头（`ph: "s"` / `"t"`），数量随运行而变，所以不打印。
# 注意下一节：传给 `Timeline` 的是一份拷贝。
# %% [markdown] lang="en"
# ## Export a Chrome trace {#chrome-trace}
#
# `tensorflow.python.client.timeline.Timeline` turns `step_stats` into JSON in the Chrome
# Trace Event Format. Mind that modules under `tensorflow.python` are TensorFlow **internals**,
# not public API: any release may change or remove them without notice. This page uses it because
# it is the shortest way from the `step_stats` of `Session.run` to a timeline. The public route is
# TensorFlow's profiler: `tf.profiler.experimental.start(logdir)` / `stop()` (or
# `tf.profiler.experimental.Profile`), then TensorBoard's Profile plugin to view the result; it
# traces the whole process and does not go through `run_metadata`.
#
# The cell below writes the timeline to `downloads/timeline.json`, which you can
# download here: <a href="download:timeline.json" download>timeline.json</a>. Open
# `chrome://tracing` in Chrome, or Perfetto (ui.perfetto.dev), and drop the file in to see every
# op on a time axis.
#
# The times in the file differ on every run, so only the structure is printed: which "processes"
# there are (`ph: "M"` metadata events) and which op events (`ph: "X"`). The default
# `show_dataflow=True` also draws dataflow arrows (`ph: "s"` / `"t"`) between different "thread"
# rows; their number varies per run, so it is not printed. Note that `Timeline` gets a copy; the
# next section shows why.

# %%
import copy
import json

from tensorflow.python.client import timeline

chrome_trace = timeline.Timeline(copy.deepcopy(traced.step_stats)).generate_chrome_trace_format()
os.makedirs("downloads", exist_ok=True)
with open("downloads/timeline.json", "w") as f:
    f.write(chrome_trace)

events = json.loads(chrome_trace)["traceEvents"]
print("processes:", [e["args"]["name"] for e in events if e["ph"] == "M"])
op_events = [e for e in events if e["ph"] == "X"]
print("op events:", len(op_events))
print("ops:", sorted({e["args"]["op"] for e in op_events}))
assert {e["args"]["name"] for e in op_events} == {
    stat.node_name for dev in traced.step_stats.dev_stats for stat in dev.node_stats
}

# %% [markdown] lang="zh"
# ### Timeline 会改写你的 step_stats
#
# 既然 `thread_id` 全是 0，追踪文件里的“线程”是从哪来的？`Timeline` 自己把时间上重叠的节点
# 分到不同的行（lane），再把行号**写回**传进去的 `step_stats` 的 `thread_id` 字段。
# 下面手工造两个重叠的节点来验证：第二个节点的 `thread_id` 从 0 变成了 1。
# 所以要保留原始数据，就像上一格那样传一份 `copy.deepcopy`。
# %% [markdown] lang="en"
# ### Timeline rewrites your step_stats
#
# If every `thread_id` is 0, where do the "threads" in the trace file come from? `Timeline` puts
# nodes that overlap in time on different rows (lanes) itself, and **writes** the row number back
# into the `thread_id` of the `step_stats` you passed in. Two hand-made overlapping nodes prove
# it: the second node's `thread_id` changes from 0 to 1. To keep the original data, pass a
# `copy.deepcopy`, as the previous cell does.

# %%
handmade = tf.compat.v1.RunMetadata().step_stats
device = handmade.dev_stats.add(device="/job:localhost/replica:0/task:0/device:CPU:0")
for name, start in [("first", 100), ("second", 105)]:
    device.node_stats.add(
        node_name=name,
        timeline_label=f"{name} = NoOp()",
        all_start_micros=start,
        op_start_rel_micros=0,
        op_end_rel_micros=10,
        all_end_rel_micros=10,
    )
print("before:", [stat.thread_id for stat in device.node_stats])
timeline.Timeline(handmade).generate_chrome_trace_format()
print("after: ", [stat.thread_id for stat in device.node_stats])
assert [stat.thread_id for stat in device.node_stats] == [0, 1]

# %% [markdown] lang="zh"
# ## 在 Notebook 里画时间线
#
# 不想离开 Notebook，也可以直接从 `step_stats` 画图。每个节点一条横条，
# 横轴是相对这一步开始的微秒数。浅灰色是节点从开始到结束的整段时间（`all_*` 字段），
# 彩色是操作内核真正计算的那段（`op_*` 字段），颜色区分操作类型。
# 这一格的图每次运行都不一样，所以第一行标了 `# timing cell`。
# %% [markdown] lang="en"
# ## Draw the timeline in the notebook
#
# You can also plot `step_stats` without leaving the notebook: one horizontal bar per node, the
# x axis in microseconds since the start of the step. Light grey is the node's whole span (the
# `all_*` fields); the coloured bar is the part where the op kernel computes (the `op_*` fields),
# one colour per op type. The picture differs on every run, hence the `# timing cell` comment on
# the first line.

# %%
# timing cell: output varies per run
import matplotlib.pyplot as plt
from IPython.display import display
from matplotlib_inline.backend_inline import set_matplotlib_formats

set_matplotlib_formats("retina")  # twice the pixels at the same size: sharp on phones too
plt.rcParams["font.size"] = 11  # a small figure with large text stays legible on a phone


def op_type_of(stat):
    return stat.timeline_label.split(" = ")[1].split("(")[0]


stats = sorted(traced_stats, key=lambda s: s.all_start_nanos + s.op_start_rel_nanos)
t0 = min(s.all_start_nanos for s in stats)
op_types = sorted({op_type_of(s) for s in stats})
colors = plt.get_cmap("tab10")
span = max(s.all_start_nanos - t0 + s.all_end_rel_nanos for s in stats) / 1000
tiny = span / 200  # minimum bar width, so that sub-microsecond nodes stay visible

fig, ax = plt.subplots(figsize=(4.8, 6.6), layout="constrained", facecolor="white")
for row, s in enumerate(stats):
    begin = (s.all_start_nanos - t0) / 1000
    ax.barh(row, max(s.all_end_rel_nanos / 1000, tiny), left=begin, color="0.85", height=0.4)
    op_start = begin + s.op_start_rel_nanos / 1000
    op_width = max((s.op_end_rel_nanos - s.op_start_rel_nanos) / 1000, tiny)
    ax.barh(row, op_width, left=op_start, color=colors(op_types.index(op_type_of(s))), height=0.25)
    # the node's name above its bar, from the left edge: long names leave the bars the full width
    ax.text(0, row - 0.25, s.node_name, transform=ax.get_yaxis_transform(), va="bottom")
ax.set_yticks([])
ax.spines[["left", "top", "right"]].set_visible(False)
ax.grid(axis="x", alpha=0.3)
ax.invert_yaxis()
ax.set_xlabel("microseconds since the start of the step")
ax.set_facecolor("white")
handles = [plt.Rectangle((0, 0), 1, 1, color="0.85")]
handles += [plt.Rectangle((0, 0), 1, 1, color=colors(i)) for i in range(len(op_types))]
labels = ["whole node (all_*)"] + [f"{t} (op_*)" for t in op_types]
fig.legend(handles, labels, loc="outside lower center", ncols=2, frameon=False)

# the description for screen readers; the site shows the one in the page's language
longest = max(stats, key=lambda s: s.op_end_rel_nanos - s.op_start_rel_nanos)
longest_us = (longest.op_end_rel_nanos - longest.op_start_rel_nanos) / 1000
alt_zh = (
    f"时间线：这一步的 {len(stats)} 个节点按开始时间从上到下各占一行，横轴是从这一步开始算起的微秒数"
    f"（共约 {span:.0f} 微秒）。浅灰色横条是节点的整段时间，彩色横条是操作内核计算的那段，"
    f"颜色区分操作类型。这次计算最久的是 {longest.node_name}（{op_type_of(longest)}，"
    f"约 {longest_us:.0f} 微秒）。"
)
alt_en = (
    f"Timeline: the step's {len(stats)} nodes, one row each from top to bottom in order of start, "
    f"the x axis in microseconds since the start of the step ({span:.0f} µs in all). A light grey "
    "bar is a node's whole span, a coloured bar the part where its op kernel computes, one "
    f"colour per op type. The longest computation this run: {longest.node_name} "
    f"({op_type_of(longest)}, about {longest_us:.0f} µs)."
)
display(fig, metadata={"image/png": {"alt_zh": alt_zh, "alt_en": alt_en}})
plt.close(fig)

# %% [markdown] lang="zh"
# ## tf.compat.v1.profiler：数浮点运算
#
# `tf.compat.v1.profiler.profile` 还接受一个 `run_meta` 参数，用来做耗时和内存分析；
# 那些数字每次都变，本页只用它的浮点运算（FLOP）统计：只看图和形状，结果是固定的。
# 注意它统计的是 Python 里那张**整图**，不是这一步真正执行的节点：变量初始化器里的运算也算进去了；
# `MatMul` 和 `BiasAdd` 分开计数，尽管它们实际是作为一个 `_FusedMatMul`（打开 oneDNN 时是
# `_MklNativeFusedMatMul`）运行的。
# 两个矩阵乘正好是 2·4·3·8 = 192 和 2·4·8·2 = 128。
# %% [markdown] lang="en"
# ## tf.compat.v1.profiler: counting FLOPs
#
# `tf.compat.v1.profiler.profile` also takes a `run_meta` argument for time and memory reports;
# those numbers change on every run, so this page uses only its floating-point operation (FLOP)
# count, which depends only on the graph and the shapes. Note that it counts **the whole Python graph**,
# not the nodes this step really ran: the arithmetic of the variable initializers is included, and
# `MatMul` and `BiasAdd` are counted separately although they ran as one `_FusedMatMul`
# (`_MklNativeFusedMatMul` with oneDNN on). The two matmuls are exactly 2·4·3·8 = 192 and
# 2·4·8·2 = 128.

# %%
profiler = tf.compat.v1.profiler
flop_options = (
    profiler.ProfileOptionBuilder(profiler.ProfileOptionBuilder.float_operation())
    .with_empty_output()
    .build()
)
report = profiler.profile(graph, cmd="scope", options=flop_options)


def flop_rows(node, depth=0):
    for child in node.children:
        print(f"{'  ' * depth}{child.name}: {child.float_ops}")
        flop_rows(child, depth + 1)


flop_rows(report)
print("total:", report.total_float_ops)
by_name = {child.name: child.float_ops for child in report.children}
assert by_name["hidden_1/MatMul"] == 2 * 4 * 3 * 8
assert by_name["logits_1/MatMul"] == 2 * 4 * 8 * 2
sess.close()

# %% [markdown] lang="zh"
# ## 要点
#
# - `run_metadata` 只是收件箱；`options` 和会话配置决定往里放什么。
# - `FULL_TRACE` 只给 `step_stats`。分区图要 `output_partition_graphs=True`，
#   代价图要会话配置里的 `build_cost_model`；`function_graphs` 在 `Session.run` 里始终为空。
# - 追踪反映的是 Grappler 优化后真正执行的图：Dense 层显示为 `_FusedMatMul`
#   （打开 oneDNN 时是 `_MklNativeFusedMatMul`）。
# - 每一步用一个新的 `RunMetadata`，否则旧内容会被覆盖。
#
# 相关页面：[取回](session-fetches.md)、[馈送](session-feed-dict.md)、
# 报错（[会话与取回](session-errors.md)、[馈送](feed-and-runtime-errors.md)、[运行时](runtime-errors.md)）、
# [Session 的其他用法](session-more.md)、
# [迁移到 TF2](tf2-migration.md)、[术语表](glossary.md)。
# %% [markdown] lang="en"
# ## Key points
#
# - `run_metadata` is only an inbox; `options` and the session config decide what goes in.
# - `FULL_TRACE` gives `step_stats` only. Partition graphs need `output_partition_graphs=True`,
#   the cost graph needs `build_cost_model` in the session config; `function_graphs` is always
#   empty in `Session.run`.
# - The trace shows the graph that really ran after Grappler: a Dense layer appears as
#   `_FusedMatMul` (`_MklNativeFusedMatMul` with oneDNN on).
# - Use a new `RunMetadata` per step, or the old content is overwritten.
#
# Related pages: [fetches](session-fetches.md), [feed_dict](session-feed-dict.md),
# errors ([sessions and fetches](session-errors.md),
# [feeds](feed-and-runtime-errors.md), [run time](runtime-errors.md)), [more on Session](session-more.md),
# [migrating to TF2](tf2-migration.md), [glossary](glossary.md).
