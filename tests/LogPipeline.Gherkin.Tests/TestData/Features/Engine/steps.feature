Feature: Steps
  Step text binds to step definitions.

  Scenario: Cucumber expressions convert their parameters
    Given a count of 42, a ratio of 2.5, the word alpha and the text "hello world"
    And the text 'single quoted' and the amount -7
    And 3 logs arrive
    And 1 log arrive
    And a green light

  Scenario: Regular expressions convert their parameters
    Given 3 logs at level error took 1500 ms
    And the level "latency spike" lasted 2 minutes and should alert: yes
    And a total of 9000000000 bytes costs 12.75 dollars

  Scenario: Tables and doc strings bind
    Given these logs:
      | Id | Level   | Latency In Ms |
      | a1 | info    | 12            |
      | a2 | warning | 340           |
    And this account:
      | Field   | Value   |
      | Name    | Alice   |
      | Balance | 1234.56 |
    And this payload:
      """
      line one
      line two
      """

  Scenario: And and But take the kind of the step before them
    Given a kind step
    And a kind step
    When a kind step
    And a kind step
    But a kind step
    Then a kind step
    And a kind step

  Scenario: Async steps are awaited
    Given an async Task step
    And an async ValueTask step
    And an async ValueTask of int step
