Feature: Broken
  Scenario: Half
    Given a step
  | a | b |
  not gherkin at all
