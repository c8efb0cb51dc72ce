/** The mirror's teaching text, in the wardrobe's voice. */
export function MirrorExplainer() {
  return (
    <aside aria-label="What the mirror shows" className="panel flex min-w-0 flex-col gap-2 text-sm">
      <h3 className="text-lg font-semibold">What the mirror shows</h3>
      <p>
        A hat is small; the cat under it is big. The body turns every token into a vector (the hidden states), and a head is a
        little bit of maths that reads those vectors and answers one question. Here one body reads your text once, and every head
        it owns reads the very same vectors side by side.
      </p>
      <p>
        The heads read different rows. The masked-word head looks at <em>every</em> row and guesses a word for each. The
        next-sentence head looks only at the first row, the [CLS] token, after the pooler has squeezed it. A head you trained
        yourself averages all rows into one sentence vector. Press “Reads …” on a head to see its rows outlined.
      </p>
      <p>
        The drawing is to scale: almost all the numbers are in the body. That is why fine-tuning is cheap and why one body can
        wear so many hats. The drift table shows the other half of the story: fine-tuning for a task nudges the body a little too,
        and you can see where.
      </p>
      <p className="italic text-stone-600 dark:text-stone-400">
        <span aria-hidden="true">🐈‍⬛ </span>Miya&apos;s tip: same cat, same whiskers; only the hat decides whether she is hunting words or judging
        sentences.
      </p>
    </aside>
  );
}
