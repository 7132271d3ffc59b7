@hooks
Feature: Hooks
  Hooks run around the test run, features, scenarios and steps.

  Scenario: First scenario
    Given a recorded step

  @broker
  Scenario: Second scenario
    Given a recorded step
    When a recorded step
