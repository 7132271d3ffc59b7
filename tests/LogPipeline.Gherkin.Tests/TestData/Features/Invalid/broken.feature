Feature: Broken
  Scenario: Steps without a scenario keyword are fine, this is not
    Given a step
  | a table | outside a step |
Examples:
