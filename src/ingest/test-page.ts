/** A small valid page with chrome around it, shared by the ingest, CLI and reliability tests (not a test file: importing it runs no tests). */
export const GOOD_PAGE = [
  'Home | World | Politics', '',
  'Northern envoys meet in Oslo to discuss grain corridor', '',
  'By Ada Lindqvist', '',
  'March 4, 2024', '',
  'Foreign ministers from Norway and Finland met in Oslo on Monday to discuss a grain corridor across the Baltic Sea, officials said.', '',
  '“We agreed that the corridor must stay open through the winter,” the Norwegian minister told reporters after the talks.', '',
  'The two governments said they would meet again in Helsinki next month to sign a formal agreement.', '',
  'Share this story: Facebook Twitter', '',
].join('\n')
