@failing-feature-hook
Feature: Failing feature hook
  A [BeforeFeature] hook that throws fails every scenario of its feature.

  Scenario: The first scenario
    Given a passing step

  Scenario: The second scenario
    Given a passing step
