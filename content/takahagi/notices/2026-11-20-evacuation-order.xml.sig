{"key_id":"128a70c529b60bf3","signature":"95uL3VLCjkepBB6uV24q0N4+CAkP8xo4BqjDgb0ajnTOKhgKdrzRyaYfnNIXLWv1LndhAI6Cm13duZcc2an9DA=="}
