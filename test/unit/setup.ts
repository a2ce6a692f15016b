// Unit tests of the data layer run against fake-indexeddb (an in-memory IndexedDB).
import 'fake-indexeddb/auto'
