/* What each BuiltinOptions / BuiltinOptions2 table holds, as data: field
 * names in declaration order (index = field id), their kinds (widths as
 * schema.fbs declares them: byte enums -> I8, bool -> BOOL, int -> I32,
 * uint -> U32, long -> I64, float -> F32, [int] -> VEC_I32, ...) and their
 * defaults. Facts taken from the newest schema.fbs (LiteRT). */
#include "schema/options_desc.h"

#include "schema/schema_enums.h"

#define F(n, k, d) \
  { n, TFLC_OPT_##k, d }
#define T(n, arr) \
  { n, arr, (int)(sizeof(arr) / sizeof((arr)[0])) }
#define E(n) \
  { n, NULL, 0 }

static const tflc_opt_field_desc o_conv_2d[] = {
    F("padding", I8, 0),
    F("stride_w", I32, 0),
    F("stride_h", I32, 0),
    F("fused_activation_function", I8, 0),
    F("dilation_w_factor", I32, 1),
    F("dilation_h_factor", I32, 1),
    F("quantized_bias_type", I8, 0)};
static const tflc_opt_field_desc o_depthwise_conv_2d[] = {
    F("padding", I8, 0),
    F("stride_w", I32, 0),
    F("stride_h", I32, 0),
    F("depth_multiplier", I32, 0),
    F("fused_activation_function", I8, 0),
    F("dilation_w_factor", I32, 1),
    F("dilation_h_factor", I32, 1)};
static const tflc_opt_field_desc o_concat_embeddings[] = {
    F("num_channels", I32, 0), F("num_columns_per_channel", VEC_I32, 0),
    F("embedding_dim_per_channel", VEC_I32, 0)};
static const tflc_opt_field_desc o_lsh_projection[] = {F("type", I8, 0)};
static const tflc_opt_field_desc o_pool_2d[] = {
    F("padding", I8, 0),        F("stride_w", I32, 0),
    F("stride_h", I32, 0),      F("filter_width", I32, 0),
    F("filter_height", I32, 0), F("fused_activation_function", I8, 0)};
static const tflc_opt_field_desc o_svdf[] = {
    F("rank", I32, 0), F("fused_activation_function", I8, 0),
    F("asymmetric_quantize_inputs", BOOL, 0)};
static const tflc_opt_field_desc o_rnn[] = {
    F("fused_activation_function", I8, 0),
    F("asymmetric_quantize_inputs", BOOL, 0)};
static const tflc_opt_field_desc o_fully_connected[] = {
    F("fused_activation_function", I8, 0), F("weights_format", I8, 0),
    F("keep_num_dims", BOOL, 0), F("asymmetric_quantize_inputs", BOOL, 0),
    F("quantized_bias_type", I8, 0)};
static const tflc_opt_field_desc o_softmax[] = {F("beta", F32, 0)};
static const tflc_opt_field_desc o_concatenation[] = {
    F("axis", I32, 0), F("fused_activation_function", I8, 0)};
static const tflc_opt_field_desc o_add[] = {
    F("fused_activation_function", I8, 0), F("pot_scale_int16", BOOL, 1)};
static const tflc_opt_field_desc o_l2_norm[] = {
    F("fused_activation_function", I8, 0)};
static const tflc_opt_field_desc o_local_response_normalization[] = {
    F("radius", I32, 0), F("bias", F32, 0), F("alpha", F32, 0),
    F("beta", F32, 0)};
static const tflc_opt_field_desc o_lstm[] = {
    F("fused_activation_function", I8, 0), F("cell_clip", F32, 0),
    F("proj_clip", F32, 0), F("kernel_type", I8, 0),
    F("asymmetric_quantize_inputs", BOOL, 0)};
static const tflc_opt_field_desc o_resize_bilinear[] = {
    F("new_height", I32, 0), F("new_width", I32, 0),
    F("align_corners", BOOL, 0), F("half_pixel_centers", BOOL, 0)};
static const tflc_opt_field_desc o_call[] = {F("subgraph", U32, 0)};
static const tflc_opt_field_desc o_reshape[] = {F("new_shape", VEC_I32, 0)};
static const tflc_opt_field_desc o_skip_gram[] = {
    F("ngram_size", I32, 0), F("max_skip_size", I32, 0),
    F("include_all_ngrams", BOOL, 0)};
static const tflc_opt_field_desc o_space_to_depth[] = {F("block_size", I32, 0)};
static const tflc_opt_field_desc o_embedding_lookup_sparse[] = {
    F("combiner", I8, 0)};
static const tflc_opt_field_desc o_mul[] = {
    F("fused_activation_function", I8, 0)};
static const tflc_opt_field_desc o_gather[] = {F("axis", I32, 0),
                                               F("batch_dims", I32, 0)};
static const tflc_opt_field_desc o_reducer[] = {F("keep_dims", BOOL, 0)};
static const tflc_opt_field_desc o_sub[] = {
    F("fused_activation_function", I8, 0), F("pot_scale_int16", BOOL, 1)};
static const tflc_opt_field_desc o_div[] = {
    F("fused_activation_function", I8, 0)};
static const tflc_opt_field_desc o_squeeze[] = {F("squeeze_dims", VEC_I32, 0)};
static const tflc_opt_field_desc o_sequence_rnn[] = {
    F("time_major", BOOL, 0), F("fused_activation_function", I8, 0),
    F("asymmetric_quantize_inputs", BOOL, 0)};
static const tflc_opt_field_desc o_strided_slice[] = {
    F("begin_mask", I32, 0),       F("end_mask", I32, 0),
    F("ellipsis_mask", I32, 0),    F("new_axis_mask", I32, 0),
    F("shrink_axis_mask", I32, 0), F("offset", BOOL, 0)};
static const tflc_opt_field_desc o_split[] = {F("num_splits", I32, 0)};
static const tflc_opt_field_desc o_cast[] = {F("in_data_type", I8, 0),
                                             F("out_data_type", I8, 0)};
static const tflc_opt_field_desc o_arg_max[] = {F("output_type", I8, 0)};
static const tflc_opt_field_desc o_transpose_conv[] = {
    F("padding", I8, 0), F("stride_w", I32, 0), F("stride_h", I32, 0),
    F("fused_activation_function", I8, 0), F("quantized_bias_type", I8, 0)};
static const tflc_opt_field_desc o_sparse_to_dense[] = {
    F("validate_indices", BOOL, 0)};
static const tflc_opt_field_desc o_shape[] = {F("out_type", I8, 0)};
static const tflc_opt_field_desc o_arg_min[] = {F("output_type", I8, 0)};
static const tflc_opt_field_desc o_fake_quant[] = {
    F("min", F32, 0), F("max", F32, 0), F("num_bits", I32, 0),
    F("narrow_range", BOOL, 0)};
static const tflc_opt_field_desc o_pack[] = {F("values_count", I32, 0),
                                             F("axis", I32, 0)};
static const tflc_opt_field_desc o_one_hot[] = {F("axis", I32, 0)};
static const tflc_opt_field_desc o_unpack[] = {F("num", I32, 0),
                                               F("axis", I32, 0)};
static const tflc_opt_field_desc o_bidirectional_sequence_lstm[] = {
    F("fused_activation_function", I8, 0),
    F("cell_clip", F32, 0),
    F("proj_clip", F32, 0),
    F("merge_outputs", BOOL, 0),
    F("time_major", BOOL, 1),
    F("asymmetric_quantize_inputs", BOOL, 0)};
static const tflc_opt_field_desc o_bidirectional_sequence_rnn[] = {
    F("time_major", BOOL, 0), F("fused_activation_function", I8, 0),
    F("merge_outputs", BOOL, 0), F("asymmetric_quantize_inputs", BOOL, 0)};
static const tflc_opt_field_desc o_unidirectional_sequence_lstm[] = {
    F("fused_activation_function", I8, 0),
    F("cell_clip", F32, 0),
    F("proj_clip", F32, 0),
    F("time_major", BOOL, 0),
    F("asymmetric_quantize_inputs", BOOL, 0),
    F("diagonal_recurrent_tensors", BOOL, 0)};
static const tflc_opt_field_desc o_resize_nearest_neighbor[] = {
    F("align_corners", BOOL, 0), F("half_pixel_centers", BOOL, 0)};
static const tflc_opt_field_desc o_leaky_relu[] = {F("alpha", F32, 0)};
static const tflc_opt_field_desc o_mirror_pad[] = {F("mode", I8, 0)};
static const tflc_opt_field_desc o_split_v[] = {F("num_splits", I32, 0)};
static const tflc_opt_field_desc o_unique[] = {F("idx_out_type", I8, 2)};
static const tflc_opt_field_desc o_reverse_sequence[] = {
    F("seq_dim", I32, 0), F("batch_dim", I32, 0)};
static const tflc_opt_field_desc o_if[] = {F("then_subgraph_index", I32, 0),
                                           F("else_subgraph_index", I32, 0)};
static const tflc_opt_field_desc o_while[] = {F("cond_subgraph_index", I32, 0),
                                              F("body_subgraph_index", I32, 0)};
static const tflc_opt_field_desc o_depth_to_space[] = {F("block_size", I32, 0)};
static const tflc_opt_field_desc o_batch_mat_mul[] = {
    F("adj_x", BOOL, 0), F("adj_y", BOOL, 0),
    F("asymmetric_quantize_inputs", BOOL, 0)};
static const tflc_opt_field_desc o_cumsum[] = {F("exclusive", BOOL, 0),
                                               F("reverse", BOOL, 0)};
static const tflc_opt_field_desc o_call_once[] = {
    F("init_subgraph_index", I32, 0)};
static const tflc_opt_field_desc o_conv_3d[] = {
    F("padding", I8, 0),
    F("stride_d", I32, 0),
    F("stride_w", I32, 0),
    F("stride_h", I32, 0),
    F("fused_activation_function", I8, 0),
    F("dilation_d_factor", I32, 1),
    F("dilation_w_factor", I32, 1),
    F("dilation_h_factor", I32, 1)};
static const tflc_opt_field_desc o_hashtable[] = {
    F("table_id", I32, 0), F("key_dtype", I8, 0), F("value_dtype", I8, 0)};
static const tflc_opt_field_desc o_var_handle[] = {F("container", STRING, 0),
                                                   F("shared_name", STRING, 0)};
static const tflc_opt_field_desc o_random[] = {F("seed", I64, 0),
                                               F("seed2", I64, 0)};
static const tflc_opt_field_desc o_bucketize[] = {F("boundaries", VEC_F32, 0)};
static const tflc_opt_field_desc o_gelu[] = {F("approximate", BOOL, 0)};
static const tflc_opt_field_desc o2_stablehlo_concatenate[] = {
    F("dimension", I64, 0)};
static const tflc_opt_field_desc o2_stablehlo_broadcast_in_dim[] = {
    F("broadcast_dimensions", VEC_I64, 0)};
static const tflc_opt_field_desc o2_stablehlo_slice[] = {
    F("start_indices", VEC_I64, 0), F("limit_indices", VEC_I64, 0),
    F("strides", VEC_I64, 0)};
static const tflc_opt_field_desc o2_stablehlo_convolution[] = {
    F("window_strides", VEC_I64, 0),
    F("padding", VEC_I64, 0),
    F("lhs_dilation", VEC_I64, 0),
    F("rhs_dilation", VEC_I64, 0),
    F("window_reversal", VEC_BOOL, 0),
    F("input_batch_dimension", I64, 0),
    F("input_feature_dimension", I64, 0),
    F("input_spatial_dimensions", VEC_I64, 0),
    F("kernel_input_feature_dimension", I64, 0),
    F("kernel_output_feature_dimension", I64, 0),
    F("kernel_spatial_dimensions", VEC_I64, 0),
    F("output_batch_dimension", I64, 0),
    F("output_feature_dimension", I64, 0),
    F("output_spatial_dimensions", VEC_I64, 0),
    F("feature_group_count", I64, 0),
    F("batch_group_count", I64, 0),
    F("precision_config", VEC_U32, 0)};
static const tflc_opt_field_desc o2_stablehlo_custom_call[] = {
    F("call_target_name", STRING, 0),     F("has_side_effect", BOOL, 0),
    F("backend_config", STRING, 0),       F("api_version", I32, 0),
    F("called_computations", VEC_I32, 0), F("custom_attributes", VEC_U8, 0)};
static const tflc_opt_field_desc o2_stablehlo_reduce[] = {
    F("dimensions", VEC_I64, 0), F("body_subgraph_index", I32, 0)};
static const tflc_opt_field_desc o2_stablehlo_scatter[] = {
    F("indices_are_sorted", BOOL, 0),
    F("update_window_dims", VEC_I64, 0),
    F("inserted_window_dims", VEC_I64, 0),
    F("scatter_dims_to_operand_dims", VEC_I64, 0),
    F("index_vector_dim", I64, 0),
    F("unique_indices", BOOL, 0),
    F("update_computation_subgraph_index", I32, 0)};
static const tflc_opt_field_desc o2_stablehlo_compare[] = {
    F("comparison_direction", U32, 0), F("compare_type", U32, 0)};
static const tflc_opt_field_desc o2_stablehlo_dynamic_slice[] = {
    F("slice_sizes", VEC_I64, 0)};
static const tflc_opt_field_desc o2_stablehlo_pad[] = {
    F("edge_padding_low", VEC_I64, 0), F("edge_padding_high", VEC_I64, 0),
    F("interior_padding", VEC_I64, 0)};
static const tflc_opt_field_desc o2_stablehlo_iota[] = {
    F("iota_dimension", I64, 0)};
static const tflc_opt_field_desc o2_stablehlo_dot_general[] = {
    F("lhs_batching_dimensions", VEC_I64, 0),
    F("rhs_batching_dimensions", VEC_I64, 0),
    F("lhs_contracting_dimensions", VEC_I64, 0),
    F("rhs_contracting_dimensions", VEC_I64, 0),
    F("precision_config", VEC_U32, 0)};
static const tflc_opt_field_desc o2_stablehlo_reduce_window[] = {
    F("window_dimensions", VEC_I64, 0), F("window_strides", VEC_I64, 0),
    F("base_dilations", VEC_I64, 0),    F("window_dilations", VEC_I64, 0),
    F("padding", VEC_I64, 0),           F("body_subgraph_index", I32, 0)};
static const tflc_opt_field_desc o2_stablehlo_sort[] = {
    F("dimension", I64, 0), F("is_stable", BOOL, 0),
    F("comparator_subgraph_index", I32, 0)};
static const tflc_opt_field_desc o2_stablehlo_while[] = {
    F("cond_subgraph_index", I32, 0), F("body_subgraph_index", I32, 0)};
static const tflc_opt_field_desc o2_stablehlo_gather[] = {
    F("offset_dims", VEC_I64, 0),     F("collapsed_slice_dims", VEC_I64, 0),
    F("start_index_map", VEC_I64, 0), F("index_vector_dim", I64, 0),
    F("slice_sizes", VEC_I64, 0),     F("indices_are_sorted", BOOL, 0)};
static const tflc_opt_field_desc o2_stablehlo_transpose[] = {
    F("permutation", VEC_I64, 0)};
static const tflc_opt_field_desc o2_stablehlo_rng_bit_generator[] = {
    F("algorithm", I8, 0)};
static const tflc_opt_field_desc o2_reduce_window[] = {
    F("reduce_function", I32, 0)};
static const tflc_opt_field_desc o2_stablehlo_composite[] = {
    F("name", STRING, 0), F("decomposition_subgraph_index", I32, 0),
    F("composite_attributes", VEC_U8, 0),
    F("composite_attributes_format", I8, 0), F("version", I32, 0)};
static const tflc_opt_field_desc o2_stablehlo_case[] = {
    F("branch_subgraph_indices", VEC_I32, 0)};

static const tflc_opt_table_desc bo_tables[TFLC_BO_COUNT_] = {
    [TFLC_BO_CONV_2D] = T("Conv2DOptions", o_conv_2d),
    [TFLC_BO_DEPTHWISE_CONV_2D] =
        T("DepthwiseConv2DOptions", o_depthwise_conv_2d),
    [TFLC_BO_CONCAT_EMBEDDINGS] =
        T("ConcatEmbeddingsOptions", o_concat_embeddings),
    [TFLC_BO_LSH_PROJECTION] = T("LSHProjectionOptions", o_lsh_projection),
    [TFLC_BO_POOL_2D] = T("Pool2DOptions", o_pool_2d),
    [TFLC_BO_SVDF] = T("SVDFOptions", o_svdf),
    [TFLC_BO_RNN] = T("RNNOptions", o_rnn),
    [TFLC_BO_FULLY_CONNECTED] = T("FullyConnectedOptions", o_fully_connected),
    [TFLC_BO_SOFTMAX] = T("SoftmaxOptions", o_softmax),
    [TFLC_BO_CONCATENATION] = T("ConcatenationOptions", o_concatenation),
    [TFLC_BO_ADD] = T("AddOptions", o_add),
    [TFLC_BO_L2_NORM] = T("L2NormOptions", o_l2_norm),
    [TFLC_BO_LOCAL_RESPONSE_NORMALIZATION] =
        T("LocalResponseNormalizationOptions", o_local_response_normalization),
    [TFLC_BO_LSTM] = T("LSTMOptions", o_lstm),
    [TFLC_BO_RESIZE_BILINEAR] = T("ResizeBilinearOptions", o_resize_bilinear),
    [TFLC_BO_CALL] = T("CallOptions", o_call),
    [TFLC_BO_RESHAPE] = T("ReshapeOptions", o_reshape),
    [TFLC_BO_SKIP_GRAM] = T("SkipGramOptions", o_skip_gram),
    [TFLC_BO_SPACE_TO_DEPTH] = T("SpaceToDepthOptions", o_space_to_depth),
    [TFLC_BO_EMBEDDING_LOOKUP_SPARSE] =
        T("EmbeddingLookupSparseOptions", o_embedding_lookup_sparse),
    [TFLC_BO_MUL] = T("MulOptions", o_mul),
    [TFLC_BO_PAD] = E("PadOptions"),
    [TFLC_BO_GATHER] = T("GatherOptions", o_gather),
    [TFLC_BO_BATCH_TO_SPACE_ND] = E("BatchToSpaceNDOptions"),
    [TFLC_BO_SPACE_TO_BATCH_ND] = E("SpaceToBatchNDOptions"),
    [TFLC_BO_TRANSPOSE] = E("TransposeOptions"),
    [TFLC_BO_REDUCER] = T("ReducerOptions", o_reducer),
    [TFLC_BO_SUB] = T("SubOptions", o_sub),
    [TFLC_BO_DIV] = T("DivOptions", o_div),
    [TFLC_BO_SQUEEZE] = T("SqueezeOptions", o_squeeze),
    [TFLC_BO_SEQUENCE_RNN] = T("SequenceRNNOptions", o_sequence_rnn),
    [TFLC_BO_STRIDED_SLICE] = T("StridedSliceOptions", o_strided_slice),
    [TFLC_BO_EXP] = E("ExpOptions"),
    [TFLC_BO_TOPK_V2] = E("TopKV2Options"),
    [TFLC_BO_SPLIT] = T("SplitOptions", o_split),
    [TFLC_BO_LOG_SOFTMAX] = E("LogSoftmaxOptions"),
    [TFLC_BO_CAST] = T("CastOptions", o_cast),
    [TFLC_BO_DEQUANTIZE] = E("DequantizeOptions"),
    [TFLC_BO_MAXIMUM_MINIMUM] = E("MaximumMinimumOptions"),
    [TFLC_BO_ARG_MAX] = T("ArgMaxOptions", o_arg_max),
    [TFLC_BO_LESS] = E("LessOptions"),
    [TFLC_BO_NEG] = E("NegOptions"),
    [TFLC_BO_PADV2] = E("PadV2Options"),
    [TFLC_BO_GREATER] = E("GreaterOptions"),
    [TFLC_BO_GREATER_EQUAL] = E("GreaterEqualOptions"),
    [TFLC_BO_LESS_EQUAL] = E("LessEqualOptions"),
    [TFLC_BO_SELECT] = E("SelectOptions"),
    [TFLC_BO_SLICE] = E("SliceOptions"),
    [TFLC_BO_TRANSPOSE_CONV] = T("TransposeConvOptions", o_transpose_conv),
    [TFLC_BO_SPARSE_TO_DENSE] = T("SparseToDenseOptions", o_sparse_to_dense),
    [TFLC_BO_TILE] = E("TileOptions"),
    [TFLC_BO_EXPAND_DIMS] = E("ExpandDimsOptions"),
    [TFLC_BO_EQUAL] = E("EqualOptions"),
    [TFLC_BO_NOT_EQUAL] = E("NotEqualOptions"),
    [TFLC_BO_SHAPE] = T("ShapeOptions", o_shape),
    [TFLC_BO_POW] = E("PowOptions"),
    [TFLC_BO_ARG_MIN] = T("ArgMinOptions", o_arg_min),
    [TFLC_BO_FAKE_QUANT] = T("FakeQuantOptions", o_fake_quant),
    [TFLC_BO_PACK] = T("PackOptions", o_pack),
    [TFLC_BO_LOGICAL_OR] = E("LogicalOrOptions"),
    [TFLC_BO_ONE_HOT] = T("OneHotOptions", o_one_hot),
    [TFLC_BO_LOGICAL_AND] = E("LogicalAndOptions"),
    [TFLC_BO_LOGICAL_NOT] = E("LogicalNotOptions"),
    [TFLC_BO_UNPACK] = T("UnpackOptions", o_unpack),
    [TFLC_BO_FLOOR_DIV] = E("FloorDivOptions"),
    [TFLC_BO_SQUARE] = E("SquareOptions"),
    [TFLC_BO_ZEROS_LIKE] = E("ZerosLikeOptions"),
    [TFLC_BO_FILL] = E("FillOptions"),
    [TFLC_BO_BIDIRECTIONAL_SEQUENCE_LSTM] =
        T("BidirectionalSequenceLSTMOptions", o_bidirectional_sequence_lstm),
    [TFLC_BO_BIDIRECTIONAL_SEQUENCE_RNN] =
        T("BidirectionalSequenceRNNOptions", o_bidirectional_sequence_rnn),
    [TFLC_BO_UNIDIRECTIONAL_SEQUENCE_LSTM] =
        T("UnidirectionalSequenceLSTMOptions", o_unidirectional_sequence_lstm),
    [TFLC_BO_FLOOR_MOD] = E("FloorModOptions"),
    [TFLC_BO_RANGE] = E("RangeOptions"),
    [TFLC_BO_RESIZE_NEAREST_NEIGHBOR] =
        T("ResizeNearestNeighborOptions", o_resize_nearest_neighbor),
    [TFLC_BO_LEAKY_RELU] = T("LeakyReluOptions", o_leaky_relu),
    [TFLC_BO_SQUARED_DIFFERENCE] = E("SquaredDifferenceOptions"),
    [TFLC_BO_MIRROR_PAD] = T("MirrorPadOptions", o_mirror_pad),
    [TFLC_BO_ABS] = E("AbsOptions"),
    [TFLC_BO_SPLIT_V] = T("SplitVOptions", o_split_v),
    [TFLC_BO_UNIQUE] = T("UniqueOptions", o_unique),
    [TFLC_BO_REVERSE_V2] = E("ReverseV2Options"),
    [TFLC_BO_ADD_N] = E("AddNOptions"),
    [TFLC_BO_GATHER_ND] = E("GatherNdOptions"),
    [TFLC_BO_COS] = E("CosOptions"),
    [TFLC_BO_WHERE] = E("WhereOptions"),
    [TFLC_BO_RANK] = E("RankOptions"),
    [TFLC_BO_REVERSE_SEQUENCE] =
        T("ReverseSequenceOptions", o_reverse_sequence),
    [TFLC_BO_MATRIX_DIAG] = E("MatrixDiagOptions"),
    [TFLC_BO_QUANTIZE] = E("QuantizeOptions"),
    [TFLC_BO_MATRIX_SET_DIAG] = E("MatrixSetDiagOptions"),
    [TFLC_BO_HARD_SWISH] = E("HardSwishOptions"),
    [TFLC_BO_IF] = T("IfOptions", o_if),
    [TFLC_BO_WHILE] = T("WhileOptions", o_while),
    [TFLC_BO_DEPTH_TO_SPACE] = T("DepthToSpaceOptions", o_depth_to_space),
    [TFLC_BO_NON_MAX_SUPPRESSION_V4] = E("NonMaxSuppressionV4Options"),
    [TFLC_BO_NON_MAX_SUPPRESSION_V5] = E("NonMaxSuppressionV5Options"),
    [TFLC_BO_SCATTER_ND] = E("ScatterNdOptions"),
    [TFLC_BO_SELECT_V2] = E("SelectV2Options"),
    [TFLC_BO_DENSIFY] = E("DensifyOptions"),
    [TFLC_BO_SEGMENT_SUM] = E("SegmentSumOptions"),
    [TFLC_BO_BATCH_MAT_MUL] = T("BatchMatMulOptions", o_batch_mat_mul),
    [TFLC_BO_CUMSUM] = T("CumsumOptions", o_cumsum),
    [TFLC_BO_CALL_ONCE] = T("CallOnceOptions", o_call_once),
    [TFLC_BO_BROADCAST_TO] = E("BroadcastToOptions"),
    [TFLC_BO_RFFT2D] = E("Rfft2dOptions"),
    [TFLC_BO_CONV_3D] = T("Conv3DOptions", o_conv_3d),
    [TFLC_BO_HASHTABLE] = T("HashtableOptions", o_hashtable),
    [TFLC_BO_HASHTABLE_FIND] = E("HashtableFindOptions"),
    [TFLC_BO_HASHTABLE_IMPORT] = E("HashtableImportOptions"),
    [TFLC_BO_HASHTABLE_SIZE] = E("HashtableSizeOptions"),
    [TFLC_BO_VAR_HANDLE] = T("VarHandleOptions", o_var_handle),
    [TFLC_BO_READ_VARIABLE] = E("ReadVariableOptions"),
    [TFLC_BO_ASSIGN_VARIABLE] = E("AssignVariableOptions"),
    [TFLC_BO_RANDOM] = T("RandomOptions", o_random),
    [TFLC_BO_BUCKETIZE] = T("BucketizeOptions", o_bucketize),
    [TFLC_BO_GELU] = T("GeluOptions", o_gelu),
    [TFLC_BO_DYNAMIC_UPDATE_SLICE] = E("DynamicUpdateSliceOptions"),
    [TFLC_BO_UNSORTED_SEGMENT_PROD] = E("UnsortedSegmentProdOptions"),
    [TFLC_BO_UNSORTED_SEGMENT_MAX] = E("UnsortedSegmentMaxOptions"),
    [TFLC_BO_UNSORTED_SEGMENT_MIN] = E("UnsortedSegmentMinOptions"),
    [TFLC_BO_UNSORTED_SEGMENT_SUM] = E("UnsortedSegmentSumOptions"),
    [TFLC_BO_ATAN2] = E("ATan2Options"),
    [TFLC_BO_SIGN] = E("SignOptions"),
    [TFLC_BO_BITCAST] = E("BitcastOptions"),
    [TFLC_BO_BITWISE_XOR] = E("BitwiseXorOptions"),
    [TFLC_BO_RIGHT_SHIFT] = E("RightShiftOptions"),
};

static const tflc_opt_table_desc bo2_tables[TFLC_BO2_COUNT_] = {
    [TFLC_BO2_STABLEHLO_CONCATENATE] =
        T("StablehloConcatenateOptions", o2_stablehlo_concatenate),
    [TFLC_BO2_STABLEHLO_BROADCAST_IN_DIM] =
        T("StablehloBroadcastInDimOptions", o2_stablehlo_broadcast_in_dim),
    [TFLC_BO2_STABLEHLO_SLICE] = T("StablehloSliceOptions", o2_stablehlo_slice),
    [TFLC_BO2_STABLEHLO_CONVOLUTION] =
        T("StablehloConvolutionOptions", o2_stablehlo_convolution),
    [TFLC_BO2_STABLEHLO_CUSTOM_CALL] =
        T("StablehloCustomCallOptions", o2_stablehlo_custom_call),
    [TFLC_BO2_STABLEHLO_REDUCE] =
        T("StablehloReduceOptions", o2_stablehlo_reduce),
    [TFLC_BO2_STABLEHLO_SCATTER] =
        T("StablehloScatterOptions", o2_stablehlo_scatter),
    [TFLC_BO2_STABLEHLO_COMPARE] =
        T("StablehloCompareOptions", o2_stablehlo_compare),
    [TFLC_BO2_STABLEHLO_DYNAMIC_SLICE] =
        T("StablehloDynamicSliceOptions", o2_stablehlo_dynamic_slice),
    [TFLC_BO2_STABLEHLO_PAD] = T("StablehloPadOptions", o2_stablehlo_pad),
    [TFLC_BO2_STABLEHLO_IOTA] = T("StablehloIotaOptions", o2_stablehlo_iota),
    [TFLC_BO2_STABLEHLO_DOT_GENERAL] =
        T("StablehloDotGeneralOptions", o2_stablehlo_dot_general),
    [TFLC_BO2_STABLEHLO_REDUCE_WINDOW] =
        T("StablehloReduceWindowOptions", o2_stablehlo_reduce_window),
    [TFLC_BO2_STABLEHLO_SORT] = T("StablehloSortOptions", o2_stablehlo_sort),
    [TFLC_BO2_STABLEHLO_WHILE] = T("StablehloWhileOptions", o2_stablehlo_while),
    [TFLC_BO2_STABLEHLO_GATHER] =
        T("StablehloGatherOptions", o2_stablehlo_gather),
    [TFLC_BO2_STABLEHLO_TRANSPOSE] =
        T("StablehloTransposeOptions", o2_stablehlo_transpose),
    [TFLC_BO2_DILATE] = E("DilateOptions"),
    [TFLC_BO2_STABLEHLO_RNG_BIT_GENERATOR] =
        T("StablehloRngBitGeneratorOptions", o2_stablehlo_rng_bit_generator),
    [TFLC_BO2_REDUCE_WINDOW] = T("ReduceWindowOptions", o2_reduce_window),
    [TFLC_BO2_STABLEHLO_COMPOSITE] =
        T("StableHLOCompositeOptions", o2_stablehlo_composite),
    [TFLC_BO2_STABLEHLO_SHIFT_LEFT] = E("StablehloShiftLeftOptions"),
    [TFLC_BO2_STABLEHLO_CASE] = T("StablehloCaseOptions", o2_stablehlo_case),
};

const tflc_opt_table_desc *options_desc(uint8_t type, bool is_options2) {
  const tflc_opt_table_desc *t;
  if (type == 0) return NULL;
  if (is_options2) {
    if (type >= TFLC_BO2_COUNT_) return NULL;
    t = &bo2_tables[type];
  } else {
    if (type >= TFLC_BO_COUNT_) return NULL;
    t = &bo_tables[type];
  }
  return t->name ? t : NULL;
}
