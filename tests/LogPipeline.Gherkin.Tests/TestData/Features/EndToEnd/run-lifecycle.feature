Feature: Run lifecycle
  Hooks and context injection, seen from inside the scenarios.

  Scenario: Context objects are shared within a scenario
    Given the first binding class increments the shared counter
    When the second binding class increments the shared counter
    Then the shared counter is 2

  Scenario: Context objects are fresh in the next scenario
    Then the shared counter is 0

  @broker
  Scenario: A tagged hook runs for a tagged scenario
    Then the broker hook ran 1 time for this scenario

  Scenario: An untagged scenario skips the tagged hook
    Then the broker hook ran 0 times for this scenario

  Scenario: The test run started once
    Then the before test run hook ran once
    And the scenario context knows the title "The test run started once"
