// DuckDB functions the editor offers to complete: the aggregates, window, text, date,
// list and table functions analysts reach for. A fixed list (not `duckdb_functions()`)
// so completing never runs a query, which would land in the history.
const NAMES = `
abs acos any_value approx_count_distinct approx_quantile arbitrary arg_max arg_min array_agg array_length
array_to_string ascii asin atan atan2 avg bar bit_and bit_count bit_or bit_xor bool_and bool_or cardinality
cast cbrt ceil ceiling chr coalesce concat concat_ws contains corr cos cot count count_star covar_pop covar_samp
cume_dist current_date current_schema current_setting current_timestamp date_add date_diff date_part date_sub
date_trunc datediff datepart datesub datetrunc day dayname dayofmonth dayofweek dayofyear decade degrees
dense_rank describe editdist3 ends_with entropy epoch epoch_ms epoch_ns epoch_us even exp extract factorial
favg first first_value flatten floor format fsum gamma gcd generate_series generate_subscripts
get_current_time greatest greatest_common_divisor hamming hash histogram hour if ifnull ilike_escape
instr isfinite isinf isnan jaccard jaro_similarity jaro_winkler_similarity json_array_length json_extract
json_extract_string json_keys json_object json_structure json_transform json_valid json_value kurtosis lag
last last_day last_value lcase lcm lead least left len length levenshtein lgamma like_escape list list_aggregate
list_append list_concat list_contains list_distinct list_extract list_filter list_has_any list_position
list_reduce list_slice list_sort list_transform list_unique list_value ln log log10 log2 lower lpad ltrim
make_date make_time make_timestamp map map_extract map_keys map_values max max_by md5 median microsecond
millisecond min min_by minute mod mode month monthname nextafter nfc_normalize not_ilike_escape
not_like_escape now nth_value ntile nullif octet_length ord parse_path percent_rank pi position pow power
prefix printf product quantile quantile_cont quantile_disc quarter radians random range rank read_csv
read_csv_auto read_json read_json_auto read_parquet regexp_extract regexp_extract_all regexp_full_match
regexp_matches regexp_replace regexp_split_to_array regr_avgx regr_avgy regr_count regr_intercept regr_r2
regr_slope repeat replace reservoir_quantile reverse right round row_number rpad rtrim second sem setseed
sha256 sign signbit sin skewness split split_part sqrt starts_with stddev stddev_pop stddev_samp str_split
strftime string_agg string_split strip_accents strlen strpos strptime struct_extract struct_pack substr
substring suffix sum sumkahan tan time_bucket timezone to_days to_hours to_json to_microseconds
to_milliseconds to_minutes to_months to_seconds to_timestamp to_weeks to_years today translate trim trunc
try_cast try_strptime typeof ucase unicode unnest upper uuid var_pop var_samp variance week weekday
weekofyear year yearweek
`;

export const DUCKDB_FUNCTIONS: readonly string[] = NAMES.trim().split(/\s+/);
