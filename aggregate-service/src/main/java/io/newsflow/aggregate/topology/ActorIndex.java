package io.newsflow.aggregate.topology;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The actor ids one task's co-actor counts are indexed by: each id gets a small slot once, so
 * counting the co-actors of an update is one lookup in one small table and an array increment,
 * not a lookup in a table per actor. Each id keeps the latest name it came with; a name the task
 * has not seen since it started is asked of {@code storedName} (the store's name records).
 */
final class ActorIndex {

  private final Map<String, Integer> slots = new HashMap<>();
  private final List<String> ids = new ArrayList<>();
  private final List<String> names = new ArrayList<>();
  private final BitSet renamed = new BitSet();
  private final Function<String, String> storedName;
  /** The slots of the last list of named actors asked for: every actor of an article asks for the same list. */
  private List<NamedActor> lastNamed;
  private int[] lastSlots;

  ActorIndex(Function<String, String> storedName) {
    this.storedName = storedName;
  }

  /** The id's slot, taking a new one for a new id; a non-null name that differs from the known one replaces it. */
  int slot(String id, String name) {
    Integer slot = slots.get(id);
    if (slot == null) {
      slot = ids.size();
      slots.put(id, slot);
      ids.add(id);
      names.add(name);
      if (name != null) {
        renamed.set(slot);
      }
    } else if (name != null && !name.equals(names.get(slot))) {
      names.set(slot, name);
      renamed.set(slot);
    }
    return slot;
  }

  /** The slots of {@code named}, in order (each actor of one article change passes the same list: resolved once). */
  int[] slots(List<NamedActor> named) {
    if (named != lastNamed) {
      int[] slots = new int[named.size()];
      for (int i = 0; i < slots.length; i++) {
        slots[i] = slot(named.get(i).id(), named.get(i).name());
      }
      lastNamed = named;
      lastSlots = slots;
    }
    return lastSlots;
  }

  /** The id's slot, or -1 for an id never seen. */
  int slotOf(String id) {
    Integer slot = slots.get(id);
    return slot == null ? -1 : slot;
  }

  String id(int slot) {
    return ids.get(slot);
  }

  String name(int slot) {
    String name = names.get(slot);
    if (name == null) {
      name = storedName.apply(ids.get(slot));
      names.set(slot, name);
    }
    return name;
  }

  /** Ids whose name is new since the last call, for the store to write: (id, name). */
  void drainRenamed(java.util.function.BiConsumer<String, String> write) {
    for (int s = renamed.nextSetBit(0); s >= 0; s = renamed.nextSetBit(s + 1)) {
      write.accept(ids.get(s), names.get(s));
    }
    renamed.clear();
  }
}
