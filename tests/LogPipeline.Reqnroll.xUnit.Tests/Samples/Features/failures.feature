Feature: Failures
  What a scenario reports when it cannot pass.

  Scenario: An undefined step
    Given a passing step
    And there are 3 logs with the message "disk full"
    When a passing step
    Then nobody wrote this step either

  Scenario: An ambiguous step
    Given an ambiguous step

  Scenario: A failing step
    Given a passing step
    When a step throws
    Then a passing step

  Scenario: A pending step
    Given a pending step
