Feature: Context
  Binding classes and context objects are built per scenario and shared within it.

  Scenario: One scenario
    Given the first class records the shared state
    When the second class records the shared state
    Then both saw one state, and the contexts know the scenario

  Scenario: The next scenario
    Given the first class records the shared state
    When the second class records the shared state
    Then both saw one state, and the contexts know the scenario
