// fake-indexeddb ships types for its `auto` entry that its exports map does not point at.
declare module 'fake-indexeddb/auto';
