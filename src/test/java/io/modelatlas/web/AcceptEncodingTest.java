package io.modelatlas.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AcceptEncodingTest {
    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "NULL                      | false",
            "''                        | false",
            "gzip                      | true",
            "GZIP                      | true",
            "x-gzip                    | true",
            "gzip, deflate, br, zstd   | true",
            "br;q=1.0, gzip;q=0.8      | true",
            "identity                  | false",
            "br                        | false",
            "gzip;q=0                  | false",
            "gzip; q=0.000             | false",
            "*                         | true",
            "*;q=0                     | false",
            "gzip;q=0, *               | false",
            "*, gzip;q=0               | false",
            "gzip;q=banana             | false",
            "deflate, gzip ; q=0.5     | true",
    })
    void gzip_is_allowed_only_when_named_or_starred_with_a_non_zero_weight(String header, boolean allowed) {
        assertThat(AcceptEncoding.allowsGzip(header)).isEqualTo(allowed);
    }
}
