"""What readers type into search, and the section that answers each query.

Three kinds, in both languages: error messages pasted whole or in part (with their own tensor
names and shapes, and older releases' wording), API names, and questions in plain words. Each
query maps to the page sections that answer it ("page/#anchor", as in the search index; a page
alone is "page/"). A hit is one of them shown as the best section of a result.

search_quality.py checks that every listed section exists, so a renamed heading fails the
benchmark instead of silently lowering the score.
"""

# Sections shared by both languages (explicit ids), for queries pasted from error messages.
CLOSED = "session-errors/#closed-session"
MUST_FEED = "runtime-errors/#you-must-feed-a-value"
FEED_SHAPE = "feed-and-runtime-errors/#cannot-feed-value-of-shape"
UNINITIALIZED = "runtime-errors/#uninitialized-value"

PASTED = [
    ("RuntimeError: Attempted to use a closed Session.", [CLOSED]),
    (
        "You must feed a value for placeholder tensor 'Placeholder_3' with dtype float and "
        "shape [?,4]",
        [MUST_FEED],
    ),
    (
        "InvalidArgumentError: You must feed a value for placeholder tensor 'input_1' with "
        "dtype float and shape [?,28,28]",
        [MUST_FEED],
    ),
    (
        "ValueError: Cannot feed value of shape (32, 10) for Tensor Placeholder:0, which has "
        "shape (None, 784)",
        [FEED_SHAPE],
    ),
    (
        "Cannot feed value of shape (64, 20) for Tensor 'x:0', which has shape '(?, 10)'",
        [FEED_SHAPE],
    ),
    (
        "FailedPreconditionError: Attempting to use uninitialized value dense/kernel",
        [UNINITIALIZED],
    ),
    (
        "The Session graph is empty. Add operations to the graph before calling run().",
        ["session-errors/#session-graph-is-empty"],
    ),
    (
        "tf.placeholder() is not compatible with eager execution",
        ["session-errors/#placeholder-not-compatible-with-eager"],
    ),
    (
        "Cannot evaluate tensor using `eval()`: No default session is registered.",
        ["session-errors/#no-default-session"],
    ),
    ("Session context managers are not re-entrant", ["session-errors/#session-not-re-entrant"]),
    (
        'TypeError: Argument `fetch` = None has invalid type "NoneType". Cannot be None',
        ["session-errors/#fetch-cannot-be-none"],
    ),
    (
        'TypeError: Argument `target` must be a string, but got "ConfigProto"',
        ["session-errors/#target-must-be-a-string"],
    ),
    (
        "TypeError: <tf.Tensor 'dense/BiasAdd:0' shape=(None, 1) dtype=float32> is out of scope "
        "and cannot be used here.",
        ["session-errors/#out-of-scope"],
    ),
    (
        "The value of a feed cannot be a tf.Tensor object. Acceptable feed values include "
        "Python scalars, strings, lists, numpy ndarrays, or TensorHandles.",
        ["feed-and-runtime-errors/#feed-value-cannot-be-a-tensor"],
    ),
    (
        "ValueError: Tensor global_step:0 may not be fed.",
        ["feed-and-runtime-errors/#may-not-be-fed"],
    ),
    (
        "Input to reshape is a tensor with 12 values, but the requested shape has 10",
        ["runtime-errors/#input-to-reshape"],
    ),
    ("OutOfRangeError: End of sequence", ["runtime-errors/#end-of-sequence"]),
    ("Integer division by zero", ["runtime-errors/#integer-division-by-zero"]),
    (
        "DeadlineExceededError: Timed out waiting for notification",
        ["runtime-errors/#timed-out"],
    ),
    (
        "Error while reading resource variable dense/kernel from Container: localhost. "
        "Could not find variable dense/kernel",
        ["runtime-errors/#could-not-find-variable"],
    ),
    ("CheckNumerics: Tensor had NaN values", ["runtime-errors/#tensor-had-nan-values"]),
    (
        "setting an array element with a sequence. The requested array has an inhomogeneous "
        "shape after 1 dimensions.",
        ["feed-and-runtime-errors/#inhomogeneous-shape"],
    ),
    (
        "NotFoundError: Key dense_3/bias not found in checkpoint",
        ["keras3-vs-tf-keras/#variable-names"],
    ),
]

# Both languages: the workflow pages' sections have explicit ids.
WORKFLOWS = [
    (
        "Exception encountered when calling Project.call()",
        ["reading-errors/#keras-wrapper", "reading-errors/#keras-3"],
    ),
    (
        "Detected at node 'scores' defined at (most recent call last)",
        ["reading-errors/#detected-at-node"],
    ),
    (
        "AttributeError: 'Variable' object has no attribute '_in_graph_mode'",
        ["keras3-vs-tf-keras-training/#v1-optimizers", "train-in-session/#optimizer"],
    ),
    ("input_signature", ["migrate-training-step/#input-signature"]),
    ("wrap_function", ["migrate-training-step/#wrap-function"]),
    (
        "indices[1] = [0,0] is out of order. Many sparse ops require sorted indices. "
        "Use tf.sparse.reorder",
        ["runtime-errors/#sparse-indices-out-of-order"],
    ),
]

EN = (
    PASTED
    + WORKFLOWS
    + [
        # API names
        ("make_callable", ["session-more/#make_callable-freeze-one-run-into-a-function"]),
        ("partial_run", ["session-more/#partial_run-one-step-in-several-parts"]),
        ("InteractiveSession", ["session-more/#interactivesession"]),
        ("placeholder_with_default", ["session-feed-dict/#placeholder_with_default"]),
        ("Graph.prevent_feeding", ["session-feed-dict/#graphprevent_feeding"]),
        (
            "RunOptions FULL_TRACE step_stats",
            ["session-run-metadata/#full_trace-fills-step_stats-only"],
        ),
        ("timeout_in_ms", ["session-run-metadata/#timeout_in_ms-a-deadline-for-this-step"]),
        ("log_device_placement", ["session-more/#where-does-log_device_placement-print"]),
        ("Embedding mask_zero", ["masking/#the-mask-from-embeddingmask_zerotrue"]),
        (
            "compute_mask supports_masking",
            ["masking/#mask-compute_mask-and-supports_masking-in-custom-layers"],
        ),
        (
            "TF_USE_LEGACY_KERAS",
            [
                "keras3-vs-tf-keras/#env-timing",
                "keras3-vs-tf-keras/#which-keras",
                "keras3-vs-tf-keras/#when-legacy",
            ],
        ),
        ("add_weight", ["layer-weights/#add-weight-signature"]),
        ("profiler FLOPs", ["session-run-metadata/#tfcompatv1profiler-counting-flops"]),
        ("chrome trace timeline", ["session-run-metadata/#chrome-trace"]),
        ("get_weights", ["keras3-vs-tf-keras/#get-weights"]),
        # questions in plain words
        ("how do I feed a sparse tensor", ["session-feed-dict/#a-sparsetensor-key"]),
        (
            "why is build not called",
            [
                "layer-lifecycle/#build-runs-once-on-the-first-__call__",
                "quick-start/#seed-build",
            ],
        ),
        (
            "does the dropout mask change between runs",
            [
                "dropout-batchnorm-session/#does-the-dropout-mask-change-from-run-to-run",
                "keras3-vs-tf-keras-training/#dropout-mask",
            ],
        ),
        (
            "batch norm moving mean not updated in a session",
            [
                "dropout-batchnorm-session/#do-batchnormalizations-moving-statistics-update",
                "keras3-vs-tf-keras-training/#batchnorm",
            ],
        ),
        ("fetch a tensor by its name", ["session-fetches/#fetching-by-name"]),
        (
            "what does sess.run return for an operation",
            ["session-fetches/#an-operation-gives-none"],
        ),
        (
            "can I feed an intermediate tensor",
            ["session-feed-dict/#any-other-tensor-overriding-an-intermediate-result"],
        ),
        (
            "pin an op to GPU on a machine without a GPU",
            ["session-more/#pinning-to-gpu0-on-a-machine-without-a-gpu"],
        ),
        (
            "is the evaluation order of fetches guaranteed",
            ["fetch-order-handles/#evaluation-order-is-not-guaranteed"],
        ),
        ("what is input_shape in build", ["layer-weights/#input-shape"]),
        (
            "model.call(x, False) versus model(x)",
            ["subclassed-models/#modelcallx-false-versus-modelx"],
        ),
        (
            "feed a string name as the feed_dict key",
            ["session-feed-dict/#a-name-string-as-the-key"],
        ),
        ("read a TF1 checkpoint from TF2", ["migrate-training-step/#read-tf1-checkpoint"]),
        (
            "which line of my code does the error come from",
            ["reading-errors/#detected-at-node", "reading-errors/#op-traceback"],
        ),
    ]
)

ZH = (
    PASTED
    + WORKFLOWS
    + [
        ("在 TF2 里读取 TF1 的检查点", ["migrate-training-step/#read-tf1-checkpoint"]),
        (
            "报错的调用栈怎么找到自己的代码",
            ["reading-errors/#detected-at-node", "reading-errors/#op-traceback"],
        ),
        # API names
        ("make_callable", ["session-more/#make_callable把一次运行固定成函数"]),
        ("partial_run", ["session-more/#partial_run一步分几次运行"]),
        ("placeholder_with_default", ["session-feed-dict/#placeholder_with_default"]),
        (
            "TF_USE_LEGACY_KERAS 什么时候设置",
            ["keras3-vs-tf-keras/#env-timing", "keras3-vs-tf-keras/#when-legacy"],
        ),
        ("log_device_placement 打印到哪里", ["session-more/#log_device_placement-打印到哪里去了"]),
        ("Embedding mask_zero", ["masking/#embeddingmask_zerotrue-产生的掩码"]),
        ("save_weights 报错", ["keras3-vs-tf-keras/#save-weights"]),
        # questions in plain words
        ("会话已经关闭", [CLOSED]),
        (
            "为什么 build 没有被调用",
            [
                "layer-lifecycle/#build-只在第一次-__call__-时运行",
                "quick-start/#seed-build",
                "subclassed-models/#自己写的-build-被跳过了",
            ],
        ),
        ("怎么馈送稀疏张量", ["session-feed-dict/#键是-sparsetensor"]),
        ("用名字取回张量", ["session-fetches/#用名字取回"]),
        ("取回一个操作会得到什么", ["session-fetches/#操作返回-none"]),
        ("取回的求值顺序", ["fetch-order-handles/#求值顺序没有保证"]),
        ("能不能馈送中间结果", ["session-feed-dict/#键是其他张量覆盖中间结果"]),
        ("没有 GPU 的机器上指定 GPU", ["session-more/#在没有-gpu-的机器上指定-gpu0"]),
        ("默认会话", ["session-more/#默认会话with-session-和-as_default"]),
        ("会话配置 ConfigProto", ["session-more/#configproto会话配置"]),
        (
            "Dropout 掩码每次都一样吗",
            [
                "dropout-batchnorm-session/#dropout-的掩码每次-run-都变吗",
                "keras3-vs-tf-keras-training/#dropout-mask",
            ],
        ),
        (
            "BatchNormalization 的移动平均不更新",
            [
                "dropout-batchnorm-session/#batchnormalization-的移动平均会更新吗",
                "keras3-vs-tf-keras-training/#batchnorm",
            ],
        ),
        ("变量没有初始化", [UNINITIALIZED, "runtime-errors/#could-not-find-variable"]),
        ("占位符没有馈送", ["session-feed-dict/#没有馈送的占位符", MUST_FEED]),
        ("馈送的形状不对", [FEED_SHAPE, "session-feed-dict/#形状检查"]),
        ("即时执行下不能用占位符", ["session-errors/#placeholder-not-compatible-with-eager"]),
        (
            "tf.function 比 sess.run 快多少",
            ["tf2-migration/#每次调用的耗时", "tf2-migration/#这些数字说明了什么"],
        ),
        ("input_shape 是什么", ["layer-weights/#input-shape"]),
        (
            "super().__init__ 要先调用",
            ["layer-lifecycle/#super-init-first", "subclassed-mistakes/#忘了-super__init__"],
        ),
        ("导出 Chrome 追踪文件", ["session-run-metadata/#chrome-trace"]),
        ("统计浮点运算次数", ["session-run-metadata/#tfcompatv1profiler数浮点运算"]),
        ("给这一步设超时", ["session-run-metadata/#timeout_in_ms给这一步设期限"]),
        (
            "Keras 3 的权重不能直接 sess.run",
            ["keras3-vs-tf-keras/#weights", "subclassed-mistakes/#在-sessrun-里取回-keras-变量"],
        ),
        ("重建模型后恢复检查点报错", ["keras3-vs-tf-keras/#variable-names"]),
        ("字符串张量返回什么", ["session-fetches/#字符串张量返回-bytes"]),
        ("取回嵌套结构", ["session-fetches/#嵌套结构"]),
        ("feed_dict 的键可以是名字字符串吗", ["session-feed-dict/#键是名字字符串"]),
        ("图模式下 fit 报错", ["keras3-vs-tf-keras/#predict-fit"]),
        (
            # each of the three is this situation: evaluated, fetched or fed from another graph
            "张量和会话不在同一张图",
            [
                "session-errors/#eval-graph-is-different",
                "session-errors/#fetch-not-an-element-of-this-graph",
                "feed-and-runtime-errors/#feed-key-not-an-element-of-this-graph",
            ],
        ),
        ("training 参数怎样传到嵌套层", ["training-mode/#training-怎样传到嵌套层"]),
    ]
)

QUERIES = {"zh": ZH, "en": EN}
