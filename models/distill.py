"""Knowledge distillation for shallower stance students.

A student that keeps the first layers of the shipped model (``train_stance --keep-layers``) runs
faster on a CPU but loses accuracy when it learns from the gold labels alone. Trained to match the
full model's softened probabilities as well, it also learns how sure the teacher is, which gold
labels cannot teach: Hinton, Vinyals and Dean, "Distilling the knowledge in a neural network" (2015).
Several teachers teach as one ensemble (their mean probabilities), which is right more often than
any one of them, since their errors differ.
"""

from __future__ import annotations

from typing import Any


def load_teacher(path: str, student: Any, device: str) -> Any:
    """The teacher in fp32 and eval mode, frozen. It reads the student's token ids, so the two must
    share a vocabulary."""
    import torch
    from transformers import AutoModelForSequenceClassification

    teacher = AutoModelForSequenceClassification.from_pretrained(path, dtype=torch.float32)
    if teacher.config.vocab_size != student.config.vocab_size or teacher.config.num_labels != student.config.num_labels:
        raise ValueError(f"teacher {path} does not share the student's vocabulary and labels")
    teacher.requires_grad_(False)
    return teacher.to(device).eval()


def teacher_log_probs(teachers: list[Any], inputs: dict[str, Any], temperature: float) -> Any:
    """The teachers' mean probabilities at temperature T, as logs. Probabilities are averaged rather
    than logits so that a teacher that is very sure cannot outvote the others on its own."""
    import torch
    import torch.nn.functional as F

    with torch.no_grad():
        probs = [F.softmax(teacher(**inputs).logits.float() / temperature, dim=-1) for teacher in teachers]
    return torch.stack(probs).mean(dim=0).log()


def distillation_loss(
    student_logits: Any,
    teacher_log_probs: Any,
    labels: Any,
    weight: float,
    temperature: float,
    taught: Any = None,
) -> Any:
    """``(1 - weight)`` x cross-entropy on the gold labels + ``weight`` x T^2 x KL(teacher || student)
    at temperature T, the teacher's log-probabilities already taken at T. The T^2 keeps the soft
    term's gradients on the scale of the hard term's. Rows where the boolean mask ``taught`` is false
    learn from their gold label alone: pairs made to correct the teachers' own errors (a claim about
    someone the passage does not mention) must not be taught the teachers' answer."""
    import torch.nn.functional as F

    hard = F.cross_entropy(student_logits, labels, reduction="none")
    soft = F.kl_div(
        F.log_softmax(student_logits / temperature, dim=-1), teacher_log_probs, log_target=True, reduction="none"
    ).sum(dim=-1)
    blended = (1 - weight) * hard + weight * temperature**2 * soft
    return (blended if taught is None else blended.where(taught, hard)).mean()
