package io.newsflow.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BearerTokenTest {

  private final BearerToken token = new BearerToken("s3cret");

  @Test
  void theRightTokenIsAccepted() {
    assertThat(token.accepts("Bearer s3cret")).isTrue();
  }

  @Test
  void aMissingTokenIsRefused() {
    assertThat(token.accepts(null)).isFalse();
    assertThat(token.accepts("")).isFalse();
  }

  @Test
  void aWrongTokenIsRefused() {
    assertThat(token.accepts("Bearer s3cres")).isFalse();
    assertThat(token.accepts("Bearer s3cret2")).isFalse();
    assertThat(token.accepts("Bearer s3cre")).isFalse();
    assertThat(token.accepts("Bearer ")).isFalse();
    assertThat(token.accepts("Basic s3cret")).isFalse();
    assertThat(token.accepts("s3cret")).isFalse();
  }

  @Test
  void noConfiguredTokenRequiresNone() {
    BearerToken open = new BearerToken("");
    assertThat(open.required()).isFalse();
    assertThat(open.accepts(null)).isTrue();
    assertThat(token.required()).isTrue();
  }
}
