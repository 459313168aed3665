import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { DisplayCall } from '../../common/contract/central/queue';
import { HallClock } from '../shared/HallClock';
import { formatClock, serverClockOffset } from '../shared/hallTime';
import { createChime } from './chime';
import { displayStrings as t } from './displayStrings';
import { useDisplayBoard } from './useDisplayBoard';

/** What fits the screen from 1280×720 up, read from across the hall. */
const MAX_SERVING = 5;
const MAX_HISTORY = 8;
/** How long a new call stands out (a few slow flashes, or a still highlight). */
const FRESH_MS = 8_000;
/** Chimes of calls that came together, one after the other; at most this many. */
const CHIME_SPACING_S = 2.2;
const MAX_CHIMES = 3;
/** A second or two without an answer is a blip; after this many polls the board says so. */
const FAILURES_BEFORE_NOTICE = 3;

/**
 * The hall's display board for one site: the tickets at the counters now, in very large type,
 * the last calls, the site's name and the time; a chime and a flash for every new call and
 * recall. Numbers only: no resident's name ever reaches it.
 */
export function DisplayApp({ siteId }: { siteId: string | null }) {
  const [chime] = useState(createChime);
  const needsGesture = useSyncExternalStore(chime.onChange, chime.needsGesture);
  const [fresh, setFresh] = useState<readonly DisplayCall[]>([]);
  const [announcement, setAnnouncement] = useState('');
  const timers = useRef(new Set<ReturnType<typeof setTimeout>>());

  useEffect(() => {
    const pending = timers.current;
    return () => pending.forEach((timer) => clearTimeout(timer));
  }, []);

  const onFreshCalls = useCallback(
    (calls: DisplayCall[]) => {
      calls
        .slice(-MAX_CHIMES)
        .forEach((call, index) =>
          chime.play(call.recall ? 'recall' : 'call', index * CHIME_SPACING_S),
        );
      setFresh((previous) => [...previous, ...calls]);
      setAnnouncement(calls.map(t.announce).join(' '));
      const timer = setTimeout(() => {
        timers.current.delete(timer);
        setFresh((previous) => previous.filter((call) => !calls.includes(call)));
      }, FRESH_MS);
      timers.current.add(timer);
    },
    [chime],
  );

  const board = useDisplayBoard(siteId, onFreshCalls);
  const { state } = board;
  const isFresh = (ticketNumber: string, counterNumber: number) =>
    fresh.some(
      (call) => call.ticketNumber === ticketNumber && call.counterNumber === counterNumber,
    );

  return (
    <div className="board">
      <header className="board-header">
        <h1 className="board-site">{state?.siteName ?? t.title}</h1>
        {state ? (
          <HallClock
            className="board-clock"
            offsetMs={serverClockOffset(state.now, board.receivedAtMs)}
          />
        ) : null}
      </header>
      <main className="board-main">{renderMain()}</main>
      <p className="board-live" aria-live="polite" data-testid="board-announcement">
        {announcement}
      </p>
      {board.failures >= FAILURES_BEFORE_NOTICE && state ? (
        <p className="board-offline" role="status" data-testid="board-offline">
          {t.offline}
        </p>
      ) : null}
      {needsGesture && state ? (
        <button
          type="button"
          className="board-sound"
          // The display PC often has a keyboard and no mouse: Enter turns the sound on.
          autoFocus
          onClick={() => void chime.unlock()}
        >
          <SpeakerIcon />
          {t.enableSound}
        </button>
      ) : null}
    </div>
  );

  function renderMain() {
    if (siteId === null || board.unknownSite) {
      return (
        <div className="board-message" role="alert" data-testid="board-setup">
          <h2>{t.setupTitle}</h2>
          <p>{siteId === null ? t.missingSite : t.unknownSite(siteId)}</p>
        </div>
      );
    }
    if (state === null) {
      return (
        <div className="board-message" role="status" data-testid="board-connecting">
          <h2>{t.connecting}</h2>
        </div>
      );
    }
    const serving = state.serving.slice(0, MAX_SERVING);
    return (
      <>
        <section className="board-serving" aria-labelledby="board-serving-heading">
          <h2 id="board-serving-heading" className="board-columns">
            <span>{t.ticket}</span>
            <span>{t.counter}</span>
          </h2>
          {serving.length === 0 ? (
            <div className="board-empty" data-testid="board-empty">
              <p className="board-empty-title">{t.noneServed}</p>
              <p>{t.noneServedDetail}</p>
            </div>
          ) : (
            <ol className="board-rows">
              {serving.map((row) => (
                <li
                  key={`${row.ticketNumber}@${row.counterNumber}`}
                  className="board-row"
                  data-testid="board-serving"
                  data-fresh={isFresh(row.ticketNumber, row.counterNumber) || undefined}
                  aria-label={t.announce(row)}
                >
                  <span className="board-ticket">{row.ticketNumber}</span>
                  <span className="board-arrow" aria-hidden="true">
                    →
                  </span>
                  <span className="board-counter">{row.counterNumber}</span>
                </li>
              ))}
            </ol>
          )}
        </section>
        <section className="board-history" aria-labelledby="board-history-heading">
          <h2 id="board-history-heading" className="board-history-title">
            {t.lastCalls}
          </h2>
          <ol className="board-history-rows">
            {state.lastCalls.slice(0, MAX_HISTORY).map((call) => (
              <li
                key={call.callId}
                className="board-history-row"
                data-testid="board-history"
                data-fresh={fresh.some((item) => item.callId === call.callId) || undefined}
              >
                <span className="board-history-ticket">{call.ticketNumber}</span>
                <span className="board-history-counter">
                  {t.counterShort} {call.counterNumber}
                </span>
                <span className="board-history-time">
                  {call.recall ? `${t.recalled} ` : ''}
                  {formatClock(new Date(call.at))}
                </span>
              </li>
            ))}
          </ol>
        </section>
      </>
    );
  }
}

/** Drawn, not an emoji: a display PC may have no emoji font. */
function SpeakerIcon() {
  return (
    <svg className="board-sound-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d="M3 9v6h4l5 4V5L7 9H3z" fill="currentColor" />
      <path
        d="M15.5 8.5a5 5 0 0 1 0 7M18 6a8.5 8.5 0 0 1 0 12"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
      />
    </svg>
  );
}
