Feature: Context
  Binding classes and context objects are built per scenario.

  Scenario: One scenario
    Given the first class records the shared state
    When the second class records the shared state
    Then the context knows the scenario

  Scenario: The next scenario
    Given the first class records the shared state
    When the second class records the shared state
    Then the context knows the scenario
